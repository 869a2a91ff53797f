package org.qingyuan.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * A complaint from the public (举报). The reporter's contact is not part of it: it is sealed apart and read only
 * through the unmasking command. Each transition checks the state it starts from and answers the next version.
 *
 * @param divisionCode where it is handled: the district until triage, then the town or village
 * @param hasContact the reporter left a contact that is still kept (not deleted by the retention sweep)
 */
public record Complaint(long id, String trackingCode, Channel channel, String externalRef, ServiceKind service, String description,
                        String address, Double longitude, Double latitude, String districtCode, String divisionCode,
                        ComplaintState state, Boolean founded, LocalDate deadline, String deadlineRule, Instant receivedAt,
                        String receivedBy, String triageNote, Instant checkInAt, Double checkInLongitude, Double checkInLatitude,
                        String verificationNote, Long enterpriseId, Long leadId, Long caseId, String unfoundedReason, String reply,
                        Instant repliedAt, Integer rating, String ratingComment, Instant ratedAt, LocalDate remindedOn,
                        Instant escalatedAt, boolean hasContact, Instant contactDeletedAt, Instant updatedAt, int version) {

    /** The object type in the audit trail and the dossier. */
    public static final String OWNER_TYPE = "Complaint";

    public boolean overdue(LocalDate today) {
        return state.inHand() && deadline != null && deadline.isBefore(today);
    }

    public Complaint triaged(String division, String note, Instant at) {
        require(EnumSet.of(ComplaintState.RECEIVED, ComplaintState.TRIAGED), "分办");
        return with(ComplaintState.TRIAGED, division, note, deadline, deadlineRule, at);
    }

    public Complaint assigned(LocalDate due, String rule, Instant at) {
        require(EnumSet.of(ComplaintState.TRIAGED), "交办镇街");
        return with(ComplaintState.ASSIGNED, divisionCode, triageNote, due, rule, at);
    }

    public Complaint verified(Instant at, Double lon, Double lat, String note) {
        require(EnumSet.of(ComplaintState.ASSIGNED, ComplaintState.VERIFIED), "现场核查");
        if (lon == null || lat == null) {
            throw new InvalidInputException("longitude", "请在现场签到（需要手机定位）");
        }
        return new Complaint(id, trackingCode, channel, externalRef, service, description, address, longitude, latitude, districtCode,
                divisionCode, ComplaintState.VERIFIED, founded, deadline, deadlineRule, receivedAt, receivedBy, triageNote, at, lon,
                lat, note, enterpriseId, leadId, caseId, unfoundedReason, reply, repliedAt, rating, ratingComment, ratedAt, remindedOn,
                escalatedAt, hasContact, contactDeletedAt, at, version + 1);
    }

    public Complaint foundedAt(Long enterprise, Long lead, Long rectificationCase, Instant at) {
        require(EnumSet.of(ComplaintState.VERIFIED), "认定属实");
        return decided(true, enterprise, lead, rectificationCase, null, at);
    }

    public Complaint unfoundedAt(String reason, Instant at) {
        require(EnumSet.of(ComplaintState.VERIFIED), "认定不属实");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写不属实的理由");
        }
        return decided(false, null, null, null, reason.strip(), at);
    }

    public Complaint replied(String text, Instant at) {
        require(EnumSet.of(ComplaintState.FOUNDED, ComplaintState.UNFOUNDED), "答复举报人");
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("reply", "请填写答复内容");
        }
        return new Complaint(id, trackingCode, channel, externalRef, service, description, address, longitude, latitude, districtCode,
                divisionCode, ComplaintState.REPLIED, founded, deadline, deadlineRule, receivedAt, receivedBy, triageNote, checkInAt,
                checkInLongitude, checkInLatitude, verificationNote, enterpriseId, leadId, caseId, unfoundedReason, text.strip(), at,
                rating, ratingComment, ratedAt, remindedOn, escalatedAt, hasContact, contactDeletedAt, at, version + 1);
    }

    public Complaint rated(int stars, String comment, Instant at) {
        require(EnumSet.of(ComplaintState.REPLIED), "评价");
        if (stars < 1 || stars > 5) {
            throw new InvalidInputException("rating", "评价须为 1 到 5 星");
        }
        return new Complaint(id, trackingCode, channel, externalRef, service, description, address, longitude, latitude, districtCode,
                divisionCode, ComplaintState.RATED, founded, deadline, deadlineRule, receivedAt, receivedBy, triageNote, checkInAt,
                checkInLongitude, checkInLatitude, verificationNote, enterpriseId, leadId, caseId, unfoundedReason, reply, repliedAt,
                stars, comment == null || comment.isBlank() ? null : comment.strip(), at, remindedOn, escalatedAt, hasContact,
                contactDeletedAt, at, version + 1);
    }

    private Complaint decided(boolean isFounded, Long enterprise, Long lead, Long rectificationCase, String reason, Instant at) {
        return new Complaint(id, trackingCode, channel, externalRef, service, description, address, longitude, latitude, districtCode,
                divisionCode, isFounded ? ComplaintState.FOUNDED : ComplaintState.UNFOUNDED, isFounded, deadline, deadlineRule,
                receivedAt, receivedBy, triageNote, checkInAt, checkInLongitude, checkInLatitude, verificationNote, enterprise, lead,
                rectificationCase, reason, reply, repliedAt, rating, ratingComment, ratedAt, remindedOn, escalatedAt, hasContact,
                contactDeletedAt, at, version + 1);
    }

    private Complaint with(ComplaintState to, String division, String note, LocalDate due, String rule, Instant at) {
        return new Complaint(id, trackingCode, channel, externalRef, service, description, address, longitude, latitude, districtCode,
                division, to, founded, due, rule, receivedAt, receivedBy, note, checkInAt, checkInLongitude, checkInLatitude,
                verificationNote, enterpriseId, leadId, caseId, unfoundedReason, reply, repliedAt, rating, ratingComment, ratedAt,
                remindedOn, escalatedAt, hasContact, contactDeletedAt, at, version + 1);
    }

    private void require(Set<ComplaintState> from, String action) {
        if (!from.contains(state)) {
            throw new ConflictException("该举报当前为“" + state.label() + "”，不能" + action);
        }
    }
}
