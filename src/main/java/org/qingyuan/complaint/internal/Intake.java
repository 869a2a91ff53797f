package org.qingyuan.complaint.internal;

import java.time.Instant;
import java.util.List;

import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.ServiceKind;

/**
 * A complaint as it comes in, from any channel.
 *
 * @param externalRef the 12369 platform's number or the Open311 client's token; a second complaint with the same is refused
 * @param receivedAt when the reporter made it (a 12369 batch), or null for now
 * @param caseId the closed-out case it concerns (the notice's "producing again"), or null
 */
public record Intake(Channel channel, String externalRef, ServiceKind service, String description, String address, Double longitude,
                     Double latitude, Reporter reporter, List<Photo> photos, Instant receivedAt, Long enterpriseId, Long caseId) {

    /** A photo as sent. */
    public record Photo(String fileName, byte[] content) {
    }

    public Intake {
        reporter = reporter == null ? Reporter.NONE : reporter;
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
