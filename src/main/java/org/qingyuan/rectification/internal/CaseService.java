package org.qingyuan.rectification.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Departments;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.JointEnforcement;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.rectification.ResponsiblePersons;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases' commands (load, act, store, audit: one transaction each, as the given acting user) and the reads of one case.
 */
@Service
@EnableConfigurationProperties(RectificationProperties.class)
class CaseService implements Cases {

    static final String OWNER_TYPE = "RectificationCase";

    private final CaseStore store;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final RectificationProperties properties;
    private final Clock clock;
    private final Departments departments;
    private final CaseViews views;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CaseStandings standings;

    CaseService(CaseStore store, Dossier dossier, AuditTrail audit,
                RectificationProperties properties, Clock clock, Departments departments,
                CaseViews views, org.springframework.context.ApplicationEventPublisher events, CaseStandings standings) {
        this.events = events;
        this.standings = standings;
        this.departments = departments;
        this.views = views;
        this.store = store;
        this.dossier = dossier;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    @Override
    @Transactional(readOnly = true)
    public CaseView get(long id, Scope scope) {
        return views.view(row(id, scope));
    }

    @Override
    public java.util.Map<Long, org.qingyuan.rectification.CaseStanding> standings(java.util.Collection<Long> enterpriseIds,
                                                                                 Scope scope) {
        return standings.of(enterpriseIds, scope);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Long, org.qingyuan.rectification.CaseBrief> briefs(Scope scope) {
        return store.briefs(scope);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseSummary> ofEnterprise(long enterpriseId, Scope scope) {
        var params = new MapSqlParameterSource("id", enterpriseId).addValue("prefix", scope.prefix());
        return store.load("c.enterprise_id = :id AND c.division_code LIKE :prefix || '%'" + store.gridCondition(scope, params), params).stream()
                .findFirst().map(r -> CaseListQueries.summary(r, today()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attachment> evidence(long id, Scope scope) {
        RectificationCase c = row(id, scope).rectificationCase();
        List<Attachment> all = new ArrayList<>(dossier.attachments(new EvidenceOwner(OWNER_TYPE, id), scope));
        all.addAll(dossier.attachments(EvidenceOwner.enterprise(c.enterpriseId()), scope));
        return all;
    }

    // ---------------------------------------------------------------- commands

    @Override
    @Transactional
    public Attachment upload(long id, EvidenceCategory category, String fileName, String note, InputStream content, Scope scope) {
        RectificationCase c = row(id, scope).rectificationCase();
        return dossier.attach(new EvidenceOwner(OWNER_TYPE, id), DivisionCode.of(c.divisionCode()), category, fileName, note, content);
    }

    @Override
    @Transactional
    public CaseView recordItem(long id, int version, ItemCommand command, CurrentUser actor) {
        if (command.requirement() == null) {
            throw new InvalidInputException("requirement", "请选择整治事项");
        }
        return change(id, version, actor, "CASE_ITEM_RECORDED", (row, by, now) -> {
            RectificationCase c = row.rectificationCase();
            List<Long> ids = command.evidenceIds() == null ? List.of() : command.evidenceIds();
            List<String> flags = new ArrayList<>();
            LocalDate openedOn = (c.openedAt() == null ? now : c.openedAt()).atZone(EvidenceCheck.CHINA).toLocalDate();
            for (Long attachmentId : ids) {
                Attachment a = ownEvidence(c, attachmentId, "evidenceIds", actor.scope());
                flags.addAll(EvidenceCheck.flags(a, openedOn, now, row.latitude(), row.longitude(),
                        properties.maxPhotoDistanceM(), properties.photoToleranceMinutes()));
            }
            if (command.utilityConfirmationId() != null) {
                ownEvidence(c, command.utilityConfirmationId(), "utilityConfirmationId", actor.scope());
            }
            c.recordItem(command.requirement(), by, now, blankToNull(command.note()), ids, command.utilityConfirmationId(),
                    command.permit(), flags);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("requirement", command.requirement().name());
            details.put("evidenceIds", ids);
            if (command.utilityConfirmationId() != null) {
                details.put("utilityConfirmationId", command.utilityConfirmationId());
            }
            if (!flags.isEmpty()) {
                details.put("flags", flags);
            }
            return details;
        });
    }

    @Override
    @Transactional
    public CaseView review(long id, int version, Requirement requirement, CurrentUser actor) {
        return change(id, version, actor, "CASE_EVIDENCE_REVIEWED", (row, by, now) -> {
            row.rectificationCase().reviewFlags(requirement, by, now);
            return Map.of("requirement", requirement.name());
        });
    }

    @Override
    @Transactional
    public CaseView recordJointEnforcement(long id, int version, LocalDate date, List<String> departments, String note, CurrentUser actor) {
        if (date == null) {
            throw new InvalidInputException("date", "请填写联合执法日期");
        }
        List<String> cleaned = departments == null ? List.of()
                : departments.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        cleaned.forEach(code -> knownDepartment("departments", code));
        return change(id, version, actor, "CASE_JOINT_ENFORCEMENT", (row, by, now) -> {
            row.rectificationCase().recordJointEnforcement(new JointEnforcement(date, cleaned, blankToNull(note), by), today(), now);
            return Map.of("date", date.toString(), "departments", cleaned);
        });
    }

    @Override
    @Transactional
    public CaseView submit(long id, int version, CurrentUser actor) {
        return change(id, version, actor, "CASE_SUBMITTED_FOR_ACCEPTANCE", (row, by, now) -> {
            row.rectificationCase().submitForAcceptance(by, now);
            return Map.of();
        });
    }

    @Override
    @Transactional
    public CaseView accept(long id, int version, String onSiteRecord, CurrentUser actor) {
        return change(id, version, actor, "CASE_ACCEPTED", (row, by, now) -> {
            row.rectificationCase().accept(by, onSiteRecord, now);
            return Map.of("onSiteRecord", onSiteRecord.strip());
        });
    }

    @Override
    @Transactional
    public CaseView reject(long id, int version, String reason, CurrentUser actor) {
        return change(id, version, actor, "CASE_ACCEPTANCE_REJECTED", (row, by, now) -> {
            row.rectificationCase().rejectAcceptance(by, reason, now);
            return Map.of("reason", reason);
        });
    }

    @Override
    @Transactional
    public CaseView closeOut(long id, int version, CurrentUser actor) {
        CaseView closed = change(id, version, actor, "CASE_CLOSED_OUT", (row, by, now) -> {
            row.rectificationCase().closeOut(by, today(), now);
            return Map.of("closedOutOn", today().toString());
        });
        RectificationCase c = closed.rectificationCase();
        events.publishEvent(new org.qingyuan.rectification.CaseClosedOut(c.id(), c.enterpriseId(), c.divisionCode(), c.closedOutOn()));
        return closed;
    }

    @Override
    @Transactional
    public CaseView reopen(long id, int version, String reason, CurrentUser actor) {
        return change(id, version, actor, "CASE_REOPENED", (row, by, now) -> {
            row.rectificationCase().reopen(by, reason, now);
            return Map.of("reason", reason);
        });
    }

    @Override
    @Transactional
    public CaseView assign(long id, int version, ResponsiblePersons persons, CurrentUser actor) {
        if (persons.departmentCode() != null) {
            knownDepartment("departmentCode", persons.departmentCode());
        }
        return change(id, version, actor, "CASE_ASSIGNED", (row, by, now) -> {
            row.rectificationCase().assign(persons,
                    persons.departmentCode() == null ? null : departments.name(persons.departmentCode()), by, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("townCode", persons.townCode());
            details.put("villageCode", persons.villageCode());
            details.put("departmentCode", persons.departmentCode());
            details.put("personName", persons.personName());
            details.put("personPhone", persons.personPhone());
            details.put("username", persons.username());
            details.values().removeIf(java.util.Objects::isNull);
            return details;
        });
    }

    @Override
    @Transactional
    public CaseView setDeadline(long id, int version, LocalDate deadline, String reason, CurrentUser actor) {
        return change(id, version, actor, "CASE_DEADLINE_SET", (row, by, now) -> {
            row.rectificationCase().setDeadline(deadline, reason, by, now);
            return Map.of("deadline", String.valueOf(deadline), "reason", String.valueOf(reason));
        });
    }

    @Override
    @Transactional
    public CaseView settleTownRequirement(long id, int version, String reason, CurrentUser actor) {
        return change(id, version, actor, "CASE_TOWN_REQUIREMENT_SETTLED", (row, by, now) -> {
            row.rectificationCase().settleTownRequirement(reason, by, now);
            return Map.of("requirement", row.rectificationCase().townReport().requirement(), "reason", String.valueOf(reason));
        });
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    interface Change {
        Map<String, Object> apply(CaseStore.Row row, String by, Instant now);
    }

    private CaseView change(long id, int version, CurrentUser actor, String action, Change change) {
        Scope scope = actor.scope();
        CaseStore.Row row = store.findForUpdate(id, scope).orElseThrow(CaseService::notFound);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String by = actor.username();
        Map<String, Object> details = new LinkedHashMap<>(change.apply(row, by, now));
        store.update(row.rectificationCase(), version, now);
        details.put("version", version + 1);
        details.put("state", row.rectificationCase().state().name());
        audit.record(new AuditEvent(action, OWNER_TYPE, Long.toString(id), null, details));
        return views.view(store.find(id, scope).orElseThrow(CaseService::notFound));
    }

    private Attachment ownEvidence(RectificationCase c, long attachmentId, String field, Scope scope) {
        Attachment a;
        try {
            a = dossier.attachment(attachmentId, scope);
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "证据文件 #" + attachmentId + " 不存在");
        }
        boolean ofCase = a.owner().type().equals(OWNER_TYPE) && a.owner().id() == c.id();
        boolean ofEnterprise = a.owner().type().equals("Enterprise") && a.owner().id() == c.enterpriseId();
        if (!ofCase && !ofEnterprise) {
            throw new InvalidInputException(field, "证据文件 #" + attachmentId + " 不属于本案或该企业的档案");
        }
        return a;
    }

    private void knownDepartment(String field, String code) {
        if (departments.all().stream().noneMatch(d -> d.code().equals(code))) {
            throw new InvalidInputException(field, "没有这个部门：" + code);
        }
    }

    private CaseStore.Row row(long id, Scope scope) {
        return store.find(id, scope).orElseThrow(CaseService::notFound);
    }

    static NotFoundException notFound() {
        return new NotFoundException("整治任务不存在或不在您的辖区内");
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(EvidenceCheck.CHINA));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
