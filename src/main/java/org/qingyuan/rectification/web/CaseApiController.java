package org.qingyuan.rectification.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.AttachmentJson;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.shared.Page;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseDeadline;
import org.qingyuan.rectification.TownReport;
import org.qingyuan.rectification.CaseQuery;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.CaseLists;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.EscalationRule;
import org.qingyuan.rectification.ItemRecord;
import org.qingyuan.rectification.JointEnforcement;
import org.qingyuan.rectification.Permit;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.rectification.ResponsiblePersons;
import org.qingyuan.rectification.StepKind;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Rectification cases as JSON under {@code /api/v1/cases}: read, record items with evidence, review flagged
 * evidence, joint enforcement, acceptance, close-out, reopen, responsibility. Every command names the
 * version it starts from; errors are problem+json.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

    private final Cases cases;
    private final CaseLists lists;

    CaseApiController(Cases cases, CaseLists lists) {
        this.cases = cases;
        this.lists = lists;
    }

    /** A page of the list. */
    record PageJson(List<CaseSummary> items, int page, int size, long total, long totalPages) {
    }

    /** One item: required, and what is recorded for it (null fields while not recorded). */
    record ItemJson(String requirement, String name, boolean needsUtilityConfirmation, boolean needsPermit, boolean complete,
                    String recordedBy, Instant recordedAt, String note, List<Long> evidenceIds, Long utilityConfirmationId,
                    Permit permit, List<String> flags, String reviewedBy) {
    }

    /** The whole case. */
    record CaseJson(long id, long enterpriseId, String enterpriseName, String address, Double longitude, Double latitude,
                    String divisionCode, MeasureKind measure, String measureName, CaseState state, String stateName,
                    String progressLabel, LocalDate deadline, boolean overdue, LocalDate overdueSince,
                    List<CaseDeadline> deadlines, List<EscalationRule> escalations, List<ItemJson> items,
                    List<String> missingItems, List<JointEnforcement> enforcements, ResponsiblePersons responsible,
                    String acceptedBy, String acceptanceRecord, String closedOutBy, LocalDate closedOutOn,
                    List<StepJson> timeline, int version, TownReport townReport, List<String> townReportFlags,
                    String townRequirementSettled) {
    }

    /** One step of the timeline, with the Chinese name of its kind. */
    record StepJson(long id, StepKind kind, String kindLabel, String actor, String actorName, Instant at, String detail,
                    int caseVersion) {

        static StepJson of(CaseView.TimelineStep s) {
            return new StepJson(s.id(), s.kind(), StepKindLabels.of(s.kind()), s.actor(), s.actorName(), s.at(), s.detail(),
                    s.caseVersion());
        }
    }

    @GetMapping
    PageJson list(@RequestParam(required = false) String division, @RequestParam(required = false) MeasureKind measure,
                  @RequestParam(required = false) CaseState state, @RequestParam(required = false) Boolean overdue,
                  @RequestParam(required = false) Integer dueWithinDays, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page<CaseSummary> result = lists.search(new CaseQuery(division, measure, state, overdue, dueWithinDays, q, page, size), scope());
        return new PageJson(result.items(), result.page(), result.size(), result.total(), result.totalPages());
    }

    @GetMapping("/{id}")
    CaseJson get(@PathVariable long id) {
        return json(cases.get(id, scope()));
    }

    @GetMapping("/{id}/evidence")
    List<AttachmentJson> evidence(@PathVariable long id) {
        return cases.evidence(id, scope()).stream().map(AttachmentJson::of).toList();
    }

    @PostMapping("/{id}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentJson upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
                          @RequestParam(defaultValue = "AFTER") EvidenceCategory category,
                          @RequestParam(required = false) String note) {
        try {
            return AttachmentJson.of(cases.upload(id, category, file.getOriginalFilename(), note, file.getInputStream(), scope()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Body of an item record given by attachment ids. */
    record ItemBody(int version, String note, List<Long> evidenceIds, Long utilityConfirmationId, String permitName,
                    String permitNumber, LocalDate permitDate) {
    }

    @PostMapping(value = "/{id}/items/{requirement}", consumes = "application/json")
    CaseJson recordItem(@PathVariable long id, @PathVariable String requirement, @RequestBody ItemBody body) {
        return command(() -> cases.recordItem(id, body.version(), new Cases.ItemCommand(requirement(requirement), body.note(),
                body.evidenceIds(), body.utilityConfirmationId(), permit(body.permitName(), body.permitNumber(), body.permitDate())),
                actor()));
    }

    /** The same as multipart: photos ({@code files}) and the utility's document ({@code confirmation}) uploaded with the record. */
    @PostMapping(value = "/{id}/items/{requirement}", consumes = "multipart/form-data")
    CaseJson recordItemWithFiles(@PathVariable long id, @PathVariable String requirement, @RequestParam int version,
                                 @RequestParam(required = false) String note,
                                 @RequestParam(required = false) List<Long> evidenceIds,
                                 @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                 @RequestPart(name = "confirmation", required = false) MultipartFile confirmation,
                                 @RequestParam(required = false) Long utilityConfirmationId,
                                 @RequestParam(required = false) String permitName,
                                 @RequestParam(required = false) String permitNumber,
                                 @RequestParam(required = false) LocalDate permitDate) {
        return command(() -> CaseForms.recordWithFiles(cases, id, version, requirement(requirement), note, evidenceIds, files,
                confirmation, utilityConfirmationId, permit(permitName, permitNumber, permitDate), actor()));
    }

    record VersionBody(int version) {
    }

    record ReviewBody(int version) {
    }

    @PostMapping("/{id}/items/{requirement}/review")
    CaseJson review(@PathVariable long id, @PathVariable String requirement, @RequestBody ReviewBody body) {
        return command(() -> cases.review(id, body.version(), requirement(requirement), actor()));
    }

    record EnforcementBody(int version, LocalDate date, List<String> departments, String note) {
    }

    @PostMapping("/{id}/enforcements")
    CaseJson enforcement(@PathVariable long id, @RequestBody EnforcementBody body) {
        return command(() -> cases.recordJointEnforcement(id, body.version(), body.date(), body.departments(), body.note(), actor()));
    }

    @PostMapping("/{id}/submit")
    CaseJson submit(@PathVariable long id, @RequestBody VersionBody body) {
        return command(() -> cases.submit(id, body.version(), actor()));
    }

    record AcceptBody(int version, String onSiteRecord) {
    }

    @PostMapping("/{id}/accept")
    CaseJson accept(@PathVariable long id, @RequestBody AcceptBody body) {
        return command(() -> cases.accept(id, body.version(), body.onSiteRecord(), actor()));
    }

    record ReasonBody(int version, String reason) {
    }

    @PostMapping("/{id}/reject")
    CaseJson reject(@PathVariable long id, @RequestBody ReasonBody body) {
        return command(() -> cases.reject(id, body.version(), body.reason(), actor()));
    }

    @PostMapping("/{id}/close-out")
    CaseJson closeOut(@PathVariable long id, @RequestBody VersionBody body) {
        return command(() -> cases.closeOut(id, body.version(), actor()));
    }

    @PostMapping("/{id}/reopen")
    CaseJson reopen(@PathVariable long id, @RequestBody ReasonBody body) {
        return command(() -> cases.reopen(id, body.version(), body.reason(), actor()));
    }

    record AssignBody(int version, String townCode, String villageCode, String departmentCode, String personName,
                      String personPhone, String username) {
    }

    @PostMapping("/{id}/responsible")
    CaseJson assign(@PathVariable long id, @RequestBody AssignBody b) {
        return command(() -> cases.assign(id, b.version(), new ResponsiblePersons(blank(b.townCode()), blank(b.villageCode()),
                blank(b.departmentCode()), blank(b.personName()), blank(b.personPhone()), blank(b.username())), actor()));
    }

    record DeadlineBody(int version, LocalDate deadline, String reason) {
    }

    @PostMapping("/{id}/deadline")
    CaseJson deadline(@PathVariable long id, @RequestBody DeadlineBody b) {
        return command(() -> cases.setDeadline(id, b.version(), b.deadline(), b.reason(), actor()));
    }

    record SettlementBody(int version, String reason) {
    }

    @PostMapping("/{id}/town-requirement")
    CaseJson settleTownRequirement(@PathVariable long id, @RequestBody SettlementBody b) {
        return command(() -> cases.settleTownRequirement(id, b.version(), b.reason(), actor()));
    }

    static Requirement requirement(String raw) {
        try {
            return Requirement.valueOf(raw.strip().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("requirement", "没有这个整治事项：" + raw);
        }
    }

    static Permit permit(String name, String number, LocalDate date) {
        return name == null && number == null && date == null ? null : new Permit(blank(name), blank(number), date);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static CaseJson json(CaseView v) {
        RectificationCase c = v.rectificationCase();
        Map<Requirement, ItemRecord> recorded = c.items();
        List<ItemJson> items = new ArrayList<>();
        for (Requirement r : c.requirements()) {
            ItemRecord i = recorded.get(r);
            items.add(i == null
                    ? new ItemJson(r.name(), r.label(), r.needsUtilityConfirmation(), r.needsPermit(), false, null, null, null,
                    List.of(), null, null, List.of(), null)
                    : new ItemJson(r.name(), r.label(), r.needsUtilityConfirmation(), r.needsPermit(), i.complete(), i.recordedBy(),
                    i.recordedAt(), i.note(), i.evidenceIds(), i.utilityConfirmationId(), i.permit(), i.flags(), i.reviewedBy()));
        }
        return new CaseJson(c.id(), c.enterpriseId(), v.enterpriseName(), v.address(), v.longitude(), v.latitude(),
                c.divisionCode(), c.measure(), c.measureName(), c.state(), c.state().label(), c.progressLabel(), c.deadline(),
                v.overdue(), c.overdueSince(), c.plan().deadlines(), c.plan().escalations(), items,
                c.missingItems().stream().map(Enum::name).toList(), c.enforcements(), c.responsible(), c.acceptedBy(),
                c.acceptanceRecord(), c.closedOutBy(), c.closedOutOn(), v.timeline().stream().map(StepJson::of).toList(), c.version(), c.townReport(),
                c.townReportFlags(), c.townRequirementSettled());
    }

    /** Runs a command; a stale version's conflict names the kinds of the steps taken since. */
    private static CaseJson command(Supplier<CaseView> command) {
        try {
            return json(command.get());
        } catch (ConflictException e) {
            throw StepKindLabels.named(e);
        }
    }

    private static Scope scope() {
        return actor().scope();
    }

    /** The signed-in user, who acts in the commands. */
    private static CurrentUser actor() {
        return CurrentUsers.require();
    }
}
