package org.qingyuan.ledger.web;

import org.qingyuan.evidence.Attachment;
import org.qingyuan.ledger.EnterpriseDetails.Place;

/** How far from the enterprise a photo was taken: a check against photos from elsewhere (假报). */
public final class Distances {

    private final Place place;

    Distances(Place place) {
        this.place = place;
    }

    /** Metres between the photo's GPS position and the enterprise, or null when either is unknown. */
    public Long metres(Attachment a) {
        if (!a.located() || place.latitude() == null || place.longitude() == null) {
            return null;
        }
        double r = 6_371_000;
        double lat1 = Math.toRadians(place.latitude());
        double lat2 = Math.toRadians(a.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(a.longitude() - place.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return Math.round(2 * r * Math.asin(Math.sqrt(h)));
    }
}
