package org.qingyuan.complaint.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.ComplaintState;
import org.qingyuan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the reporter sees with the tracking code: the state, the dated public steps and the reply — never an official's
 * name or phone, the town's notes, the reporter's own contact or anything of another complaint — and the rating.
 */
@Service
public class PublicTracking {

    /** One public step: the day and what the public may read. */
    public record PublicStep(LocalDate on, String text) {
    }

    /** A complaint as its reporter follows it. */
    public record Status(String trackingCode, String service, String description, String address, String state, LocalDate receivedOn,
                         LocalDate deadline, List<PublicStep> steps, String reply, LocalDate repliedOn, Integer rating,
                         boolean canRate, Instant updatedAt) {
    }

    private final ComplaintStore store;
    private final AuditTrail audit;
    private final Clock clock;

    PublicTracking(ComplaintStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public Status status(String typedCode) {
        Complaint c = find(typedCode);
        List<PublicStep> steps = store.steps(c.id()).stream().filter(s -> s.publicNote() != null)
                .map(s -> new PublicStep(LocalDate.ofInstant(s.at(), ComplaintHandling.CHINA), s.publicNote())).toList();
        return new Status(c.trackingCode(), c.service().label(), c.description(), c.address(), c.state().publicLabel(),
                LocalDate.ofInstant(c.receivedAt(), ComplaintHandling.CHINA), c.state().inHand() ? c.deadline() : null, steps,
                c.reply(), c.repliedAt() == null ? null : LocalDate.ofInstant(c.repliedAt(), ComplaintHandling.CHINA), c.rating(),
                c.state() == ComplaintState.REPLIED, c.updatedAt());
    }

    /** The reporter rates the reply once (1–5 stars, optional words). */
    @Transactional
    public Status rate(String typedCode, int stars, String comment) {
        Complaint c = find(typedCode);
        if (comment != null && comment.strip().length() > 500) {
            throw new org.qingyuan.shared.InvalidInputException("comment", "评价内容不能超过 500 个字");
        }
        Complaint next = c.rated(stars, comment, clock.instant());
        store.update(next, c.version());
        store.step(c.id(), "RATED", next.updatedAt(), "reporter", "举报人评价 " + stars + " 星", "举报人已评价");
        audit.record(new AuditEvent("COMPLAINT_RATED", Complaint.OWNER_TYPE, Long.toString(c.id()), null,
                Map.of("rating", stars, "trackingCode", c.trackingCode())));
        return status(c.trackingCode());
    }

    public Complaint find(String typedCode) {
        String code = TrackingCodes.normalise(typedCode);
        return (code == null ? java.util.Optional.<Complaint>empty() : store.byTrackingCode(code))
                .orElseThrow(() -> new NotFoundException("没有查询码为“" + (typedCode == null ? "" : typedCode.strip()) + "”的举报"));
    }
}
