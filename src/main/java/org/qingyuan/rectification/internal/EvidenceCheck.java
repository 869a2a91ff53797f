package org.qingyuan.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.EvidenceKind;

/**
 * Checks evidence photos against the site and the case: the EXIF time must lie between the day the case
 * opened and now (plus a small tolerance), the EXIF position within a distance of the enterprise. What
 * cannot be checked (no EXIF time, no GPS, no coordinates for the enterprise) is flagged as well: a second
 * person looks at it, nothing is silently accepted. Documents and videos carry no such data and are not flagged.
 */
final class EvidenceCheck {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private EvidenceCheck() {
    }

    static List<String> flags(Attachment a, LocalDate openedOn, Instant now, Double siteLatitude, Double siteLongitude,
                              int maxDistanceM, int toleranceMinutes) {
        List<String> flags = new ArrayList<>();
        if (a.kind() != EvidenceKind.PHOTO) {
            return flags;
        }
        String name = "“" + a.fileName() + "”";
        if (a.capturedAt() == null) {
            flags.add(name + "无拍摄时间（EXIF）");
        } else {
            LocalDate taken = a.capturedAt().atZone(CHINA).toLocalDate();
            if (taken.isBefore(openedOn)) {
                flags.add(name + "拍摄于 " + taken + "，早于立案日 " + openedOn);
            } else if (a.capturedAt().isAfter(now.plusSeconds(60L * toleranceMinutes))) {
                flags.add(name + "的拍摄时间 " + a.capturedAt().atZone(CHINA).toLocalDateTime() + " 晚于当前时间");
            }
        }
        if (!a.located()) {
            flags.add(name + "无拍摄位置（GPS）");
        } else if (siteLatitude == null || siteLongitude == null) {
            flags.add(name + "无法核对位置：企业未登记坐标");
        } else {
            long metres = Math.round(distanceMetres(a.latitude(), a.longitude(), siteLatitude, siteLongitude));
            if (metres > maxDistanceM) {
                flags.add(name + "拍摄位置距企业 " + metres + " 米（超过 " + maxDistanceM + " 米）");
            }
        }
        return flags;
    }

    /** Great-circle distance on the WGS-84 mean radius. */
    static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
