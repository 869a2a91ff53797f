package org.qingyuan.rectification.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.Permit;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.shared.DivisionCode;

/** Uploads demo evidence into a case's dossier and records an item with it. */
final class DemoEvidence {

    private final Dossier dossier;
    private final Instant now;
    private final LocalDate today;
    private final Map<Long, Long> confirmations = new HashMap<>();

    DemoEvidence(Dossier dossier, Instant now, LocalDate today) {
        this.dossier = dossier;
        this.now = now;
        this.today = today;
    }

    void record(RectificationCase c, CaseStore.Row row, Requirement r, boolean oldEnterprisePhoto) {
        EvidenceOwner owner = new EvidenceOwner(CaseService.OWNER_TYPE, c.id());
        DivisionCode division = DivisionCode.of(c.divisionCode());
        List<Long> evidence = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        Attachment old = oldEnterprisePhoto ? dossier.attachments(EvidenceOwner.enterprise(c.enterpriseId()),
                Scope.of(division)).stream().filter(a -> a.kind() == EvidenceKind.PHOTO).findFirst().orElse(null) : null;
        // a flagged item shows an old photo of the enterprise's dossier, or a photo without EXIF when it has none
        boolean exif = !oldEnterprisePhoto;
        Attachment photo = old != null ? old : dossier.attach(owner, division, EvidenceCategory.AFTER, r.label() + ".jpg", r.label(),
                new ByteArrayInputStream(DemoPhotos.sitePhoto(true, c.id() * 31 + r.ordinal(), r.name(),
                        exif ? takenAt(now, c.openedAt(), r) : null,
                        exif && row.latitude() != null ? row.latitude() + 0.0004 : null, exif ? row.longitude() : null)));
        evidence.add(photo.id());
        flags.addAll(EvidenceCheck.flags(photo, c.openedAt().atZone(EvidenceCheck.CHINA).toLocalDate(), now, row.latitude(),
                row.longitude(), 300, 10));
        Long confirmation = null;
        if (r.needsUtilityConfirmation()) {
            confirmation = confirmations.computeIfAbsent(c.id() * 64 + r.ordinal(), k -> dossier.attach(owner, division,
                    EvidenceCategory.LEGAL_DOCUMENT, (r == Requirement.CUT_WATER ? "供水公司停水确认函" : "供电公司停电确认函") + ".pdf",
                    r.label() + "：供水/供电单位确认", new ByteArrayInputStream(
                            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).id());
        }
        Permit permit = r.needsPermit() ? new Permit("环境影响评价批复", "郑环审〔" + today.getYear() + "〕" + (20 + c.id() % 80) + "号",
                today.minusDays(3)) : null;
        c.recordItem(r, c.state() == CaseState.REGISTERED && c.id() % 2 == 0 ? "village" : "grid", now, r.label() + "已完成",
                evidence, confirmation, permit, flags);
    }

    /**
     * A demo photo was taken some minutes before it is recorded, but never before the case opened: just after
     * midnight in China, twenty minutes earlier is the day before the case's opening day, which the evidence
     * check rightly flags.
     */
    static Instant takenAt(Instant now, Instant openedAt, Requirement r) {
        Instant taken = now.minus(20 + r.ordinal(), ChronoUnit.MINUTES);
        return taken.isBefore(openedAt) ? openedAt : taken;
    }
}
