package org.qingyuan.map.internal;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.Registration;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Places an enterprise where an officer clicked on the map: an edit of the ledger like any other (its version, a
 * reason, the history and the audit trail are the ledger's), so a stale version is the ledger's 409.
 */
@Service
public class Placement {

    private final Ledger ledger;

    Placement(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Sets the enterprise's position; answers the new version. */
    public int place(long enterpriseId, Integer version, Double latitude, Double longitude, String reason, Scope scope) {
        if (version == null) {
            throw new InvalidInputException("version", "请提供所修改的版本号（version）");
        }
        if (latitude == null || latitude < -90 || latitude > 90) {
            throw new InvalidInputException("latitude", "纬度（latitude）应在 -90 到 90 之间");
        }
        if (longitude == null || longitude < -180 || longitude > 180) {
            throw new InvalidInputException("longitude", "经度（longitude）应在 -180 到 180 之间");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写标注位置的原因（reason）");
        }
        EnterpriseId id = EnterpriseId.of(enterpriseId);
        Enterprise enterprise = ledger.get(id, scope);
        EnterpriseDetails details = enterprise.details();
        EnterpriseDetails.Place place = details.place();
        EnterpriseDetails placed = details.withPlace(new EnterpriseDetails.Place(place.division(), place.address(),
                round(longitude), round(latitude)));
        Registration saved = ledger.edit(id, version, placed, reason.strip(), scope);
        return saved.version();
    }

    /** Six decimals: about a tenth of a metre, more than a click on a map can mean. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
