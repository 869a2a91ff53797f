package org.qingyuan.patrol.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.GridAssignment;
import org.qingyuan.grid.Grids;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.patrol.CheckIn;
import org.qingyuan.patrol.Finding;
import org.qingyuan.patrol.Patrol;
import org.qingyuan.patrol.PatrolKind;
import org.qingyuan.patrol.ReboundFound;
import org.qingyuan.patrol.SuspectedSiteReported;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrols and check-ins. Every read and command takes the caller's grid-level scope ({@link Grids#scopeOf}): a patrol,
 * enterprise or check-in outside it is "not found". Commands go through the {@link Patrol} aggregate's rules and are
 * audited in their transaction; a rebound reopens the case through the rectification module's public commands and
 * alerts at once ({@link ReboundAlerts}); a new suspected site is published ({@link SuspectedSiteReported}) for the lead queue.
 */
@Service
public class PatrolService {

    static final String PATROL = "Patrol";
    static final String CHECK_IN = CheckIn.OWNER_TYPE;

    private final PatrolStore store;
    private final Grids grids;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final Dossier dossier;
    private final ReboundAlerts alerts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PatrolProperties properties;
    private final Clock clock;
    private final Revisits revisits;

    PatrolService(PatrolStore store, Grids grids, EnterpriseSites sites, Cases cases, Dossier dossier, ReboundAlerts alerts,
                  AuditTrail audit, ApplicationEventPublisher events, PatrolProperties properties, Clock clock, Revisits revisits) {
        this.revisits = revisits;
        this.store = store;
        this.grids = grids;
        this.sites = sites;
        this.cases = cases;
        this.dossier = dossier;
        this.alerts = alerts;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A photo taken with the check-in. */
    public record Photo(String fileName, byte[] content) {
    }

    /**
     * What a check-in carries.
     *
     * @param enterpriseId the enterprise checked in at, or null on the area sweep
     * @param latitude the phone's position (WGS-84), null when the phone gave none
     */
    public record CheckInCommand(Long enterpriseId, Double latitude, Double longitude, Double accuracyM, Finding finding,
                                 String note, List<Photo> photos, String clientKey, Instant takenAt) {

        /** A check-in made now, online. */
        public CheckInCommand(Long enterpriseId, Double latitude, Double longitude, Double accuracyM, Finding finding, String note,
                              List<Photo> photos) {
            this(enterpriseId, latitude, longitude, accuracyM, finding, note, photos, null, null);
        }
    }

    /** How far a phone's clock may run ahead of the server's, and how long a queued check-in may wait. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);
    static final java.time.Duration MAX_QUEUED = java.time.Duration.ofDays(7);
    private static final java.util.regex.Pattern CLIENT_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** What a patrol start carries; a night patrol names its leader and crew, or the rota entry it follows. */
    public record StartCommand(PatrolKind kind, Long gridId, String divisionCode, Long rotaId, String leader, List<String> participants) {
    }

    // ---------------------------------------------------------------- reads

    @Transactional(readOnly = true)
    public Patrol get(long id, CurrentUser user) {
        return store.find(id, grids.scopeOf(user), user.username()).orElseThrow(PatrolService::notFound);
    }

    @Transactional(readOnly = true)
    public List<CheckIn> checkIns(long patrolId, CurrentUser user) {
        get(patrolId, user);
        return named(store.checkIns(patrolId));
    }

    @Transactional(readOnly = true)
    public CheckIn checkIn(long id, CurrentUser user) {
        return store.checkIn(id, grids.scopeOf(user), user.username()).map(c -> named(List.of(c)).get(0))
                .orElseThrow(() -> new NotFoundException("打卡记录不存在或不在您的辖区内"));
    }

    @Transactional(readOnly = true)
    public List<Patrol> recent(CurrentUser user, int days) {
        return store.recent(grids.scopeOf(user), user.username(), clock.instant().minus(days, ChronoUnit.DAYS), 200);
    }

    @Transactional(readOnly = true)
    public Optional<Patrol> underWay(CurrentUser user, PatrolKind kind) {
        return store.underWay(user.username(), kind);
    }

    @Transactional(readOnly = true)
    public List<CheckIn> scenesHeld(CurrentUser user) {
        return named(store.scenesHeld(grids.scopeOf(user), user.username()));
    }

    /** The latest check-ins at an enterprise the caller may see. */
    @Transactional(readOnly = true)
    public List<CheckIn> ofEnterprise(long enterpriseId, Scope scope, int limit) {
        site(enterpriseId, scope);
        return named(store.ofEnterprise(enterpriseId, limit));
    }

    // ---------------------------------------------------------------- commands

    /** Starts a patrol: a day patrol of one of the caller's grids, or a night patrol of a town (from its rota entry). */
    @Transactional
    public Patrol start(CurrentUser user, StartCommand command) {
        Scope scope = grids.scopeOf(user);
        Instant now = now();
        Patrol patrol;
        if (command.kind() == PatrolKind.NIGHT) {
            RotaEntry rota = null;
            String town;
            if (command.rotaId() != null) {
                rota = store.rotaEntry(command.rotaId(), scope.prefix())
                        .orElseThrow(() -> new NotFoundException("夜查排班不存在或不在您的辖区内"));
                if (rota.patrolId() != null) {
                    throw new ConflictException("该夜查排班已记录巡查 #" + rota.patrolId());
                }
                town = rota.townCode();
            } else {
                town = town(command.divisionCode() == null ? user.division().value() : command.divisionCode(), scope);
            }
            patrol = Patrol.start(PatrolKind.NIGHT, town, null, rota == null ? null : rota.id(),
                    command.leader() != null ? command.leader() : rota == null ? null : rota.leader(),
                    command.participants() != null ? command.participants() : rota == null ? null : rota.crew(), user.username(), now);
        } else {
            if (command.gridId() == null) {
                throw new InvalidInputException("gridId", "请选择巡查的网格");
            }
            Grid grid = grids.get(command.gridId(), scope);
            List<String> people = command.participants() == null || command.participants().isEmpty()
                    ? List.of(user.displayName()) : command.participants();
            patrol = Patrol.start(PatrolKind.DAY, grid.villageCode(), grid.id(), null, command.leader(), people, user.username(), now);
        }
        long id = store.insert(patrol);
        if (patrol.rotaId() != null) {
            store.linkRota(patrol.rotaId(), id);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", patrol.kind().name());
        details.put("divisionCode", patrol.divisionCode());
        details.put("gridId", patrol.gridId() == null ? "" : patrol.gridId());
        details.put("leader", patrol.leader() == null ? "" : patrol.leader());
        details.put("participants", patrol.participants());
        audit.record(new AuditEvent("PATROL_STARTED", PATROL, Long.toString(id), null, details));
        return store.lock(id).orElseThrow();
    }

    @Transactional
    public Patrol end(CurrentUser user, long id, int version) {
        get(id, user);
        Patrol patrol = store.lock(id).orElseThrow(PatrolService::notFound);
        if (patrol.version() != version) {
            throw stale("巡查", patrol.version(), version);
        }
        patrol.end(now());
        store.saveEnd(patrol, version);
        audit.record(new AuditEvent("PATROL_ENDED", PATROL, Long.toString(id), null, Map.of("endedAt", patrol.endedAt().toString())));
        return store.lock(id).orElseThrow();
    }

    /**
     * Records a check-in. Far from the site, without a position, or with photos lacking EXIF it is accepted and flagged.
     * A rebound needs an enterprise whose case is closed out: the case reopens with the check-in's photos as evidence,
     * everyone who must know is alerted, and the scene is held until enforcement arrives.
     */
    @Transactional
    public CheckIn checkIn(CurrentUser user, long patrolId, CheckInCommand command) {
        Scope scope = grids.scopeOf(user);
        Patrol patrol = store.find(patrolId, scope, user.username()).orElseThrow(PatrolService::notFound);
        store.lock(patrolId);
        if (command.clientKey() != null) {
            if (!CLIENT_KEY.matcher(command.clientKey()).matches()) {
                throw new InvalidInputException("clientKey", "打卡编号（clientKey）应为 1–64 位字母、数字、- 或 _");
            }
            java.util.Optional<Long> sent = store.checkInByClientKey(user.username(), command.clientKey());
            if (sent.isPresent()) {
                return checkIn(sent.get(), user);   // a resend from a phone that was offline: the first one stands
            }
        }
        Instant at = takenAt(patrol, command.takenAt());
        Finding finding = command.finding() == null ? Finding.NOTHING : command.finding();
        checkPosition(command);
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", "情况说明不能超过 1000 个字");
        }
        EnterpriseSites.Site site = command.enterpriseId() == null ? null : site(command.enterpriseId(), scope);
        CaseSummary closedCase = null;
        if (finding == Finding.REBOUND) {
            if (site == null) {
                throw new InvalidInputException("enterpriseId", "报告反弹须在已关停企业打卡，请选择企业");
            }
            closedCase = cases.ofEnterprise(site.id(), user.scope()).filter(c -> c.state() == CaseState.CLOSED_OUT)
                    .orElseThrow(() -> new InvalidInputException("finding",
                            "“" + site.name() + "”没有已销号的整治任务，不属于反弹；请如实记录现场情况"));
            if (command.photos() == null || command.photos().isEmpty()) {
                throw new InvalidInputException("photos", "报告反弹须拍摄现场照片");
            }
        }
        if (finding == Finding.NEW_SITE && (command.photos() == null || command.photos().isEmpty())) {
            throw new InvalidInputException("photos", "报告疑似散乱污企业须拍摄现场照片");
        }
        Instant now = at;
        List<String> flags = new ArrayList<>();
        Integer distance = null;
        if (site != null) {
            if (command.latitude() == null) {
                flags.add("无手机定位，无法核对是否到达现场");
            } else if (site.latitude() == null || site.longitude() == null) {
                flags.add("企业未登记坐标，无法核对打卡位置");
            } else {
                distance = (int) Math.round(org.qingyuan.shared.Geo.metres(command.latitude(), command.longitude(), site.latitude(), site.longitude()));
                if (distance > properties.maxCheckInDistanceM()) {
                    flags.add("打卡位置距企业 " + distance + " 米（超过 " + properties.maxCheckInDistanceM() + " 米）");
                }
            }
        } else if (command.latitude() == null) {
            flags.add("无手机定位");
        }
        String division = site != null ? site.divisionCode() : patrol.divisionCode();
        long id = store.insertCheckIn(patrolId, site == null ? null : site.id(), division, now, command.latitude(),
                command.longitude(), command.accuracyM(), distance, finding, note, user.username(), command.clientKey());
        List<Long> photoIds = new ArrayList<>();
        List<Attachment> photos = new ArrayList<>();
        for (Photo photo : command.photos() == null ? List.<Photo>of() : command.photos()) {
            Attachment a = dossier.attach(new EvidenceOwner(CHECK_IN, id), DivisionCode.of(division),
                    finding == Finding.NOTHING ? EvidenceCategory.INSPECTION_RECORD : EvidenceCategory.BEFORE,
                    photo.fileName(), "巡查打卡 #" + id, new ByteArrayInputStream(photo.content()));
            photoIds.add(a.id());
            photos.add(a);
            flags.addAll(photoFlags(a, now, site));
        }
        Long caseId = null;
        List<String> alerted = List.of();
        if (finding == Finding.REBOUND) {
            caseId = closedCase.id();
            String reason = "巡查打卡 #" + id + " 发现已关停企业恢复生产（反弹）" + (note == null ? "" : "：" + note);
            cases.reopen(closedCase.id(), closedCase.version(), reason, user);
            for (Attachment a : photos) {
                EvidenceContent content = dossier.content(a.id(), Scope.of(DivisionCode.of(division)));
                try (InputStream in = content.stream()) {
                    cases.upload(closedCase.id(), EvidenceCategory.INSPECTION_RECORD, a.fileName(), "反弹现场照片（巡查打卡 #" + id + "）",
                            in, user.scope());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            alerted = alerts.alert(new ReboundAlerts.Rebound(id, site.name(), site.address(), site.divisionCode(), caseId,
                    user.displayName(), now, note));
        }
        store.saveOutcome(id, photoIds, flags, caseId, alerted, finding == Finding.REBOUND);
        Revisits.Outcome revisit = site == null ? null : revisits.checkedIn(id, site.id(), finding == Finding.REBOUND,
                distance != null && distance <= properties.maxCheckInDistanceM(), !photoIds.isEmpty());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("patrolId", patrolId);
        details.put("enterpriseId", site == null ? "" : site.id());
        details.put("finding", finding.name());
        details.put("distanceM", distance == null ? "" : distance);
        details.put("flags", flags);
        details.put("photos", photoIds);
        if (revisit != null && revisit.done() != null) {
            details.put("revisitId", revisit.done().id());
        }
        if (caseId != null) {
            details.put("caseId", caseId);
            details.put("alerted", alerted);
        }
        audit.record(new AuditEvent("PATROL_CHECKED_IN", CHECK_IN, Long.toString(id), null, details));
        if (finding == Finding.NEW_SITE) {
            events.publishEvent(new SuspectedSiteReported(id, patrolId, division, patrol.gridId(), command.latitude(),
                    command.longitude(), note, photoIds, user.username(), now));
        } else if (finding == Finding.REBOUND) {
            events.publishEvent(new ReboundFound(id, site.id(), caseId, division, alerted, user.username(), now));
        }
        return checkIn(id, user);
    }

    /** 执法人员到场: the scene of a rebound is handed over; recorded once, with the version shown (409 when stale). */
    @Transactional
    public CheckIn enforcementArrived(CurrentUser user, long checkInId, int version, String note) {
        CheckIn current = checkIn(checkInId, user);
        if (!current.holdingScene()) {
            throw new ConflictException("该打卡没有正在控制的现场");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text == null) {
            throw new InvalidInputException("note", "请填写到场的执法单位和人员");
        }
        if (store.saveEnforcement(checkInId, version, now(), text) < 0) {
            throw stale("打卡记录", current.version(), version);
        }
        audit.record(new AuditEvent("PATROL_SCENE_HANDED_OVER", CHECK_IN, Long.toString(checkInId), null, Map.of("note", text)));
        return checkIn(checkInId, user);
    }

    // ---------------------------------------------------------------- helpers

    /** An enterprise inside the scope (and the grid member's grids); else 404. */
    public EnterpriseSites.Site site(long enterpriseId, Scope scope) {
        EnterpriseSites.Site site = sites.sites(List.of(enterpriseId)).get(enterpriseId);
        if (site == null) {
            throw new NotFoundException("企业不存在或不在您的辖区内");
        }
        Long grid = scope.gridLimited() ? grids.ofEnterprise(enterpriseId).map(GridAssignment::gridId).orElse(null) : null;
        if (!scope.coversGrid(DivisionCode.of(site.divisionCode()), grid)) {
            throw new NotFoundException("企业不存在或不在您的辖区内");
        }
        return site;
    }

    private static String town(String raw, Scope scope) {
        DivisionCode code = InvalidInputException.divisionCode("divisionCode", raw);
        if (code.level().ordinal() < DivisionLevel.TOWN.ordinal()) {
            throw new InvalidInputException("divisionCode", "夜查由镇（街道）组织，请选择镇（街道）");
        }
        String town = code.value().substring(0, 9);
        if (!scope.covers(DivisionCode.of(town)) && !scope.covers(code)) {
            throw new NotFoundException("该镇（街道）不在您的辖区内");
        }
        return town;
    }

    private static void checkPosition(CheckInCommand c) {
        if ((c.latitude() == null) != (c.longitude() == null)) {
            throw new InvalidInputException(c.latitude() == null ? "latitude" : "longitude", "经度和纬度须同时提供");
        }
        if (c.latitude() != null && (c.latitude() < -90 || c.latitude() > 90)) {
            throw new InvalidInputException("latitude", "纬度应在 -90 到 90 之间");
        }
        if (c.longitude() != null && (c.longitude() < -180 || c.longitude() > 180)) {
            throw new InvalidInputException("longitude", "经度应在 -180 到 180 之间");
        }
    }

    private List<String> photoFlags(Attachment a, Instant now, EnterpriseSites.Site site) {
        List<String> flags = new ArrayList<>();
        if (a.kind() != EvidenceKind.PHOTO) {
            flags.add("“" + a.fileName() + "”不是照片");
            return flags;
        }
        if (a.capturedAt() == null) {
            flags.add("“" + a.fileName() + "”无拍摄时间（EXIF）");
        } else if (a.capturedAt().isBefore(now.minus(1, ChronoUnit.DAYS))) {
            flags.add("“" + a.fileName() + "”拍摄于打卡一天以前");
        }
        if (a.located() && site != null && site.latitude() != null && site.longitude() != null) {
            long metres = Math.round(org.qingyuan.shared.Geo.metres(a.latitude(), a.longitude(), site.latitude(), site.longitude()));
            if (metres > properties.maxCheckInDistanceM()) {
                flags.add("“" + a.fileName() + "”拍摄位置距企业 " + metres + " 米");
            }
        }
        return flags;
    }

    private List<CheckIn> named(List<CheckIn> checkIns) {
        var ids = checkIns.stream().map(CheckIn::enterpriseId).filter(java.util.Objects::nonNull).toList();
        Map<Long, EnterpriseSites.Site> byId = ids.isEmpty() ? Map.of() : sites.sites(ids);
        return checkIns.stream().map(c -> c.enterpriseId() == null || !byId.containsKey(c.enterpriseId()) ? c
                : new CheckIn(c.id(), c.patrolId(), c.enterpriseId(), byId.get(c.enterpriseId()).name(), c.divisionCode(),
                c.checkedAt(), c.latitude(), c.longitude(), c.accuracyM(), c.distanceM(), c.flags(), c.finding(), c.note(),
                c.caseId(), c.alerted(), c.sceneHeld(), c.enforcementAt(), c.enforcementNote(), c.recordedBy(), c.photoIds(),
                c.version())).toList();
    }

    /**
     * When the check-in was made: now, or the time the phone recorded it (a check-in queued without signal), which must
     * lie within the patrol (a queued check-in may arrive after the patrol ended) and not in the future.
     */
    private Instant takenAt(Patrol patrol, Instant takenAt) {
        Instant now = now();
        if (takenAt == null) {
            patrol.requireUnderWay();
            return now;
        }
        Instant at = takenAt.truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("takenAt", "打卡时间晚于当前时间，请检查手机时间");
        }
        if (at.isBefore(now.minus(MAX_QUEUED))) {
            throw new InvalidInputException("takenAt", "离线打卡超过 7 天未上传，不再接收");
        }
        if (at.isBefore(patrol.startedAt().minus(CLOCK_SKEW)) || (patrol.endedAt() != null && at.isAfter(patrol.endedAt().plus(CLOCK_SKEW)))) {
            throw new InvalidInputException("takenAt", "打卡时间不在本次巡查的时间内");
        }
        return at.isAfter(now) ? now : at;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ConflictException stale(String what, int current, int given) {
        return new ConflictException(what + "已被他人修改（当前第 " + current + " 版，您提交的是第 " + given + " 版），请刷新后重试",
                Map.of("currentVersion", current));
    }

    static NotFoundException notFound() {
        return new NotFoundException("巡查不存在或不在您的辖区内");
    }
}
