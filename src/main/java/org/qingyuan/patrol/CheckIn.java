package org.qingyuan.patrol;

import java.time.Instant;
import java.util.List;

/**
 * A check-in of a patrol: at an enterprise, or anywhere on the area sweep (no enterprise).
 *
 * @param distanceM how far the phone was from the enterprise's coordinates, when both are known
 * @param flags why the check-in needs a second look (too far from the site, no position, photo without EXIF …)
 * @param caseId the rectification case a rebound reopened
 * @param alerted the user names alerted of a rebound
 * @param sceneHeld 现场控制: the patrol holds the scene of a rebound until enforcement arrives ({@code enforcementAt})
 * @param photoIds the dossier attachments (owner {@code PatrolCheckIn})
 */
public record CheckIn(long id, long patrolId, Long enterpriseId, String enterpriseName, String divisionCode, Instant checkedAt,
                      Double latitude, Double longitude, Double accuracyM, Integer distanceM, List<String> flags, Finding finding,
                      String note, Long caseId, List<String> alerted, boolean sceneHeld, Instant enforcementAt,
                      String enforcementNote, String recordedBy, List<Long> photoIds, int version) {

    public static final String OWNER_TYPE = "PatrolCheckIn";

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /** The scene is held now: a rebound whose enforcement has not arrived yet. */
    public boolean holdingScene() {
        return sceneHeld && enforcementAt == null;
    }
}
