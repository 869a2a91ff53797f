package org.qingyuan.supervision.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceContent;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.supervision.InspectionTask;
import org.qingyuan.supervision.ItemFinding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection tasks and the inspection on site (S2): a geofenced check-in with photos and, per item of the enterprise's
 * case, whether the site matches what the town recorded. A problem found is entered in the tracking ledger; found at a
 * case the town had closed out, it reopens the case at once with the photos as evidence and counts against the town.
 */
@Service
public class InspectionService {

    static final String OWNER_TYPE = "InspectionTask";

    private final SupervisionStore store;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxDistance;

    InspectionService(SupervisionStore store, EnterpriseSites sites, Cases cases, Dossier dossier, AuditTrail audit, Clock clock,
                      @Value("${qingyuan.patrol.max-check-in-distance-m:200}") int maxDistance) {
        this.store = store;
        this.sites = sites;
        this.cases = cases;
        this.dossier = dossier;
        this.audit = audit;
        this.clock = clock;
        this.maxDistance = maxDistance;
    }

    /** A photo taken on site. */
    public record Photo(String fileName, byte[] content) {
    }

    /** What the inspector records: position, per-item findings, a note and photos. */
    public record Inspection(int version, Double latitude, Double longitude, List<ItemFinding> findings, String note, List<Photo> photos) {
    }

    /** The items an inspection of the task checks: its case's requirements (claimed or not), then no illegal production. */
    @Transactional(readOnly = true)
    public List<ItemFinding> checklist(CurrentUser user, long taskId) {
        InspectionTask task = get(user, taskId);
        List<ItemFinding> items = new ArrayList<>();
        if (task.caseId() != null) {
            RectificationCase c = cases.get(task.caseId(), Scope.of(DivisionCode.of(task.divisionCode()))).rectificationCase();
            for (Requirement r : c.requirements()) {
                items.add(new ItemFinding(r.name(), r.label(), c.items().containsKey(r), true, null));
            }
        }
        items.add(new ItemFinding(ItemFinding.NO_PRODUCTION, ItemFinding.NO_PRODUCTION_LABEL, false, true, null));
        return items;
    }

    /** The tasks the user may see, of one round or of all, with the enterprises' names. */
    @Transactional(readOnly = true)
    public List<InspectionTask> tasks(CurrentUser user, Long roundId, String state) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String condition = Visibility.tasks(user, params);
        if (roundId != null) {
            condition += " AND t.round_id = :round";
            params.addValue("round", roundId);
        }
        if (state != null && !state.isBlank()) {
            if (!state.equals("PENDING") && !state.equals("DONE")) {
                throw new InvalidInputException("state", "任务状态应为 PENDING（待检查）或 DONE（已检查）");
            }
            condition += " AND t.state = :state";
            params.addValue("state", state);
        }
        return named(store.tasks(condition, params, "t.town_code, t.state DESC, t.id"));
    }

    @Transactional(readOnly = true)
    public InspectionTask get(CurrentUser user, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        String condition = Visibility.tasks(user, params) + " AND t.id = :id";
        return named(store.tasks(condition, params, "t.id")).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("检查任务 #" + id + " 不存在或不在您的辖区内"));
    }

    /**
     * Records the inspection. Without a position, far from the site, or with photos lacking EXIF it is accepted and
     * flagged; at least one photo is required; an item found not as claimed needs a note saying what was seen.
     */
    @Transactional
    public InspectionTask inspect(CurrentUser user, long taskId, Inspection in) {
        if (!Visibility.seesAll(user)) {
            throw new NotFoundException("检查任务 #" + taskId + " 不存在或不在您的辖区内");
        }
        store.lockTask(taskId);
        InspectionTask task = get(user, taskId);
        if (task.done()) {
            throw new ConflictException("检查任务 #" + taskId + " 已于 " + task.inspectedAt() + " 检查过，不能重复记录");
        }
        if (task.version() != in.version()) {
            throw new ConflictException("检查任务已被他人修改，请刷新后重试");
        }
        if (in.latitude() != null && (in.latitude() < -90 || in.latitude() > 90 || in.longitude() == null
                || in.longitude() < -180 || in.longitude() > 180)) {
            throw new InvalidInputException("latitude", "定位坐标无效：纬度应在 -90 到 90、经度应在 -180 到 180 之间");
        }
        if (in.photos() == null || in.photos().isEmpty()) {
            throw new InvalidInputException("photos", "现场检查须拍摄至少一张现场照片");
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("note", "检查情况不能超过 2000 个字");
        }
        List<ItemFinding> checklist = checklist(user, taskId);
        Map<String, ItemFinding> given = in.findings() == null ? Map.of()
                : in.findings().stream().filter(f -> f.item() != null).collect(Collectors.toMap(ItemFinding::item, f -> f, (a, b) -> b));
        for (String item : given.keySet()) {
            if (checklist.stream().noneMatch(c -> c.item().equals(item))) {
                throw new InvalidInputException("findings", "检查项“" + item + "”不属于这家企业的整治要求");
            }
        }
        List<ItemFinding> findings = new ArrayList<>();
        for (ItemFinding c : checklist) {
            ItemFinding f = given.get(c.item());
            boolean ok = f == null || f.ok();
            String itemNote = f == null || f.note() == null || f.note().isBlank() ? null : f.note().strip();
            if (!ok && itemNote == null) {
                throw new InvalidInputException("findings." + c.item(), "“" + c.label() + "”与上报情况不符，请写明现场所见（如：声称已断电，现场仍通电生产）");
            }
            findings.add(new ItemFinding(c.item(), c.label(), c.claimed(), ok, itemNote));
        }
        boolean problem = findings.stream().anyMatch(f -> !f.ok());
        Instant now = clock.instant();
        var site = sites.sites(List.of(task.enterpriseId())).get(task.enterpriseId());
        List<String> flags = new ArrayList<>();
        Integer distance = null;
        if (in.latitude() == null) {
            flags.add("无手机定位，无法核对是否到达现场");
        } else if (site == null || site.latitude() == null || site.longitude() == null) {
            flags.add("企业未登记坐标，无法核对检查位置");
        } else {
            distance = (int) Math.round(org.qingyuan.shared.Geo.metres(in.latitude(), in.longitude(), site.latitude(), site.longitude()));
            if (distance > maxDistance) {
                flags.add("检查位置距企业 " + distance + " 米（超过 " + maxDistance + " 米）");
            }
        }
        List<Long> photoIds = new ArrayList<>();
        List<Attachment> photos = new ArrayList<>();
        for (Photo p : in.photos()) {
            Attachment a = dossier.attach(new EvidenceOwner(OWNER_TYPE, taskId), DivisionCode.of(task.divisionCode()),
                    EvidenceCategory.INSPECTION_RECORD, p.fileName(), "督查检查 #" + taskId, new ByteArrayInputStream(p.content()));
            photoIds.add(a.id());
            photos.add(a);
            if (a.kind() != EvidenceKind.PHOTO) {
                flags.add("“" + a.fileName() + "”不是照片");
            } else if (a.capturedAt() == null) {
                flags.add("“" + a.fileName() + "”无拍摄时间（EXIF）");
            } else if (a.capturedAt().isBefore(now.minus(1, ChronoUnit.DAYS))) {
                flags.add("“" + a.fileName() + "”拍摄于检查一天以前");
            }
        }
        if (!store.saveInspection(taskId, in.version(), now, user.username(), in.latitude(), in.longitude(), distance, flags,
                problem ? "PROBLEM" : "HELD_UP", findings, note, photoIds)) {
            throw new ConflictException("检查任务已被他人修改，请刷新后重试");
        }
        Long problemId = null;
        boolean reopened = false;
        if (problem) {
            CaseView c = task.caseId() == null ? null : cases.get(task.caseId(), Scope.of(DivisionCode.of(task.divisionCode())));
            String description = findings.stream().filter(f -> !f.ok()).map(f -> f.label() + "：" + f.note())
                    .collect(Collectors.joining("；")) + (note == null ? "" : "。" + note);
            if (c != null && c.rectificationCase().state() == CaseState.CLOSED_OUT) {
                cases.reopen(c.rectificationCase().id(), c.rectificationCase().version(),
                        "督查检查 #" + taskId + " 发现已销号企业问题未整改到位：" + description, user);
                for (Attachment a : photos) {
                    copyToCase(c.rectificationCase().id(), a, taskId, user);
                }
                reopened = true;
            }
            problemId = store.insertProblem(taskId, task.enterpriseId(), site == null ? "企业 #" + task.enterpriseId() : site.name(),
                    site == null ? null : site.address(), task.townCode(), task.divisionCode(), c == null ? null : c.rectificationCase().measureName(),
                    c == null ? null : c.rectificationCase().measureName(), description, now, user.username(), task.caseId(), reopened);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enterpriseId", task.enterpriseId());
        details.put("outcome", problem ? "PROBLEM" : "HELD_UP");
        details.put("flags", flags);
        details.put("photoIds", photoIds);
        if (problemId != null) {
            details.put("problemId", problemId);
            details.put("caseReopened", reopened);
        }
        audit.record(new AuditEvent("SUPERVISION_INSPECTED", "InspectionTask", Long.toString(taskId), note, details));
        return get(user, taskId);
    }

    private void copyToCase(long caseId, Attachment a, long taskId, CurrentUser user) {
        EvidenceContent content = dossier.content(a.id(), Scope.of(a.division()));
        try (InputStream stream = content.stream()) {
            cases.upload(caseId, EvidenceCategory.INSPECTION_RECORD, a.fileName(), "督查检查照片（检查任务 #" + taskId + "）", stream, user.scope());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<InspectionTask> named(List<InspectionTask> tasks) {
        Collection<Long> ids = tasks.stream().map(InspectionTask::enterpriseId).toList();
        var found = sites.sites(ids);
        return tasks.stream().map(t -> {
            var s = found.get(t.enterpriseId());
            return new InspectionTask(t.id(), t.roundId(), t.roundName(), t.enterpriseId(), s == null ? "企业 #" + t.enterpriseId() : s.name(),
                    s == null ? null : s.address(), t.townCode(), t.divisionCode(), t.stratum(), t.rankKey(), t.covert(), t.caseId(),
                    t.state(), t.inspectedAt(), t.inspectedBy(), t.latitude(), t.longitude(), t.distanceM(), t.flags(), t.outcome(),
                    t.findings(), t.note(), t.photoIds(), t.version());
        }).toList();
    }
}
