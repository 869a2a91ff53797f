package org.qingyuan.complaint.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.map.DistrictOutlines;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.platform.Deployment;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake from every channel: the complaint is checked, gets its tracking code, the contact is sealed, photos go to the
 * dossier (typed from their content: anything but a photo is refused), the district office is told (inbox) and the
 * intake is audited. All or nothing.
 */
@Service
public class ComplaintIntake {

    private final ComplaintStore store;
    private final ReporterVault vault;
    private final Dossier dossier;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final ActingUsers actors;
    private final Deployment deployment;
    private final ComplaintProperties properties;
    private final DistrictOutlines outlines;
    private final Clock clock;

    ComplaintIntake(ComplaintStore store, ReporterVault vault, Dossier dossier, Inbox inbox, AuditTrail audit, ActingUsers actors,
                    Deployment deployment, ComplaintProperties properties, DistrictOutlines outlines, Clock clock) {
        this.store = store;
        this.vault = vault;
        this.dossier = dossier;
        this.inbox = inbox;
        this.audit = audit;
        this.actors = actors;
        this.deployment = deployment;
        this.properties = properties;
        this.outlines = outlines;
        this.clock = clock;
    }

    /** Degrees the district's bounding box is widened by (≈2 km): the shipped outline is coarse. */
    static final double DISTRICT_MARGIN = 0.02;

    /** Checks what came in; answers every problem at once (400 naming the fields). */
    public void check(Intake in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.service() == null) {
            errors.add(new FieldError("service_code", "请选择举报类别"));
        }
        if (in.description() == null || in.description().isBlank()) {
            errors.add(new FieldError("description", "请描述看到的情况"));
        } else if (in.description().strip().length() > 2000) {
            errors.add(new FieldError("description", "情况描述不能超过 2000 个字"));
        }
        boolean located = in.longitude() != null && in.latitude() != null;
        if ((in.address() == null || in.address().isBlank()) && !located) {
            errors.add(new FieldError("address", "请填写地址或在现场使用“我的位置”"));
        }
        if (in.address() != null && in.address().strip().length() > 200) {
            errors.add(new FieldError("address", "地址不能超过 200 个字"));
        }
        if (located && (in.longitude() < 73 || in.longitude() > 136 || in.latitude() < 3 || in.latitude() > 54)) {
            errors.add(new FieldError("lat", "位置不在中国境内，请检查经纬度"));
        } else if (located && in.channel() != org.qingyuan.complaint.Channel.REBOUND && outlines.homeBounds()
                .filter(b -> !b.contains(in.longitude(), in.latitude(), DISTRICT_MARGIN)).isPresent()) {
            errors.add(new FieldError("lat", "位置（纬度 lat " + in.latitude() + "，经度 long " + in.longitude()
                    + "）不在本区范围内，请检查经纬度或在地图上重新选点"));
        }
        if (in.reporter().phone() != null && !in.reporter().phone().matches("[0-9+\\- ]{5,20}")) {
            errors.add(new FieldError("phone", "联系电话格式不正确"));
        }
        if (in.reporter().name() != null && in.reporter().name().length() > 50) {
            errors.add(new FieldError("name", "姓名不能超过 50 个字"));
        }
        if (in.reporter().idNumber() != null && !in.reporter().idNumber().matches("[0-9]{17}[0-9Xx]")) {
            errors.add(new FieldError("idNumber", "身份证号码格式不正确"));
        }
        if (in.photos().size() > properties.maxPhotos()) {
            errors.add(new FieldError("photos", "最多上传 " + properties.maxPhotos() + " 张照片"));
        }
        for (Intake.Photo p : in.photos()) {
            if (p.content().length > properties.maxPhotoBytes()) {
                errors.add(new FieldError("photos", "照片“" + p.fileName() + "”超过 " + properties.maxPhotoBytes() / 1024 / 1024 + " MB"));
            }
        }
        ValidationException.throwIfAny(errors);
    }

    /** True when a complaint with this outside number came in before (a 12369 batch filed twice). */
    public boolean alreadyFiled(org.qingyuan.complaint.Channel channel, String externalRef) {
        return store.byExternalRef(channel, externalRef).isPresent();
    }

    /** Files a complaint; answers it with its tracking code. */
    @Transactional
    public Complaint receive(Intake in) {
        check(in);
        if (in.externalRef() != null && store.byExternalRef(in.channel(), in.externalRef()).isPresent()) {
            throw new ConflictException("编号 " + in.externalRef() + " 的举报已经登记过");
        }
        String district = deployment.homeDistrict().value();
        Instant now = clock.instant();
        String code = TrackingCodes.next();
        long id = store.insert(new ComplaintStore.NewRow(code, in.channel(), in.externalRef(), in.service(), in.description().strip(),
                in.address() == null || in.address().isBlank() ? null : in.address().strip(), in.longitude(), in.latitude(), district,
                district, vault.seal(in.reporter()), in.receivedAt() != null ? in.receivedAt() : now, actors.username(), in.enterpriseId(), in.caseId()));
        EvidenceOwner owner = new EvidenceOwner(Complaint.OWNER_TYPE, id);
        for (Intake.Photo p : in.photos()) {
            Attachment a = dossier.attach(owner, deployment.homeDistrict(), EvidenceCategory.BEFORE, p.fileName(), "举报人上传",
                    new ByteArrayInputStream(p.content()));
            if (a.kind() != EvidenceKind.PHOTO) {
                throw new InvalidInputException("photos", "“" + p.fileName() + "”不是照片，只能上传 JPEG 或 PNG 照片");
            }
        }
        store.step(id, "RECEIVED", now, actors.username(), in.channel().label()
                + (in.caseId() != null ? "（已销号企业 #" + in.enterpriseId() + " 的公示页）" : ""), "举报已受理");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trackingCode", code);
        details.put("channel", in.channel().name());
        details.put("service", in.service().name());
        details.put("photos", in.photos().size());
        details.put("contact", !in.reporter().empty());
        if (in.caseId() != null) {
            details.put("caseId", in.caseId());
            details.put("enterpriseId", in.enterpriseId());
        }
        audit.record(new AuditEvent("COMPLAINT_RECEIVED", Complaint.OWNER_TYPE, Long.toString(id), null, details));
        inbox.deliverToRoles(Set.of(RoleCode.DISTRICT_OFFICE.name()), district, new Notice("COMPLAINT_RECEIVED",
                "新的群众举报（" + in.channel().label() + "）：" + in.service().label(), abbreviate(in.description()),
                "/complaints/" + id, "complaint-received-" + id));
        return store.find(id, district).orElseThrow();
    }

    static String abbreviate(String text) {
        String s = text.strip();
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
