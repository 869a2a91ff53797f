package org.qingyuan.shared;

/** Great-circle distance on the WGS-84 mean radius (check-ins, inspections, photos against a site). */
public final class Geo {

    private Geo() {
    }

    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
