package org.qingyuan.referral.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.referral.DepartmentDuty;
import org.qingyuan.referral.JointOperation;
import org.qingyuan.referral.Referral;
import org.qingyuan.referral.internal.DepartmentService;
import org.qingyuan.referral.internal.OperationService;
import org.qingyuan.referral.internal.ReferralService;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Departments, referrals and joint operations under {@code /api/v1}: {@code departments} (duties, officers, the
 * caller's queue), {@code referrals} (create, list, accept, answer, confirm, return) and {@code operations} (create,
 * list, each department's part per enterprise).
 */
@RestController
class ReferralApiController {

    private final org.springframework.beans.factory.ObjectProvider<org.qingyuan.referral.DepartmentWork> otherWork;

    private final DepartmentService departments;
    private final ReferralService referrals;
    private final OperationService operations;

    ReferralApiController(DepartmentService departments, ReferralService referrals, OperationService operations,
                          org.springframework.beans.factory.ObjectProvider<org.qingyuan.referral.DepartmentWork> otherWork) {
        this.otherWork = otherWork;
        this.departments = departments;
        this.referrals = referrals;
        this.operations = operations;
    }

    record DutiesJson(Integer version, String duties, String source) {
    }

    record ReferralJson(String enterpriseId, String departmentCode, String problem, String legalBasis, String urgency) {
    }

    record VersionJson(Integer version) {
    }

    record ReturnJson(Integer version, String reason) {
    }

    record OperationJson(String heldOn, String title, String leadDepartment, List<String> departments, List<Long> enterpriseIds) {
    }

    // ---------------------------------------------------------------- departments

    @GetMapping("/api/v1/departments")
    List<DepartmentDuty> departments() {
        return departments.list(user());
    }

    @GetMapping("/api/v1/departments/queue")
    Map<String, Object> queue() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("referrals", referrals.list(user(), true, null, false));
        out.put("operationParts", operations.pending(user()).stream()
                .map(p -> Map.of("operationId", p.operation().id(), "title", p.operation().title(), "heldOn", p.operation().heldOn().toString(),
                        "enterpriseId", p.target().enterpriseId(), "enterpriseName", p.target().enterpriseName())).toList());
        out.put("other", otherWork.orderedStream().flatMap(w -> w.pending(user()).stream()).toList());
        return out;
    }

    @GetMapping("/api/v1/departments/{code}")
    DepartmentDuty department(@PathVariable String code) {
        return departments.get(user(), code);
    }

    @PostMapping(path = "/api/v1/departments/{code}/duties", consumes = MediaType.APPLICATION_JSON_VALUE)
    DepartmentDuty duties(@PathVariable String code, @RequestBody DutiesJson body) {
        return departments.editDuties(user(), code, Forms.version(body.version()), body.duties(), body.source());
    }

    // ---------------------------------------------------------------- referrals

    @GetMapping("/api/v1/referrals")
    List<Referral> referrals(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String state,
                             @RequestParam(defaultValue = "false") boolean overdue) {
        return referrals.list(user(), mine, Forms.state(state), overdue);
    }

    @PostMapping(path = "/api/v1/referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ReferralService.ReferralView refer(@RequestBody ReferralJson body) {
        return referrals.create(user(), new ReferralService.NewReferral(Forms.id(body.enterpriseId(), "enterpriseId", "企业编号"),
                body.departmentCode(), body.problem(), body.legalBasis(), body.urgency(), List.of()));
    }

    @PostMapping(path = "/api/v1/referrals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ReferralService.ReferralView referWithFiles(@RequestParam(required = false) String enterpriseId,
                                                @RequestParam(required = false) String departmentCode,
                                                @RequestParam(required = false) String problem, @RequestParam(required = false) String legalBasis,
                                                @RequestParam(required = false) String urgency,
                                                @RequestPart(value = "files", required = false) List<MultipartFile> files) {
        return referrals.create(user(), new ReferralService.NewReferral(Forms.id(enterpriseId, "enterpriseId", "企业编号"), departmentCode,
                problem, legalBasis, urgency, Forms.files(files)));
    }

    @GetMapping("/api/v1/referrals/{id}")
    ReferralService.ReferralView referral(@PathVariable long id) {
        return referrals.get(user(), id);
    }

    @PostMapping(path = "/api/v1/referrals/{id}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReferralService.ReferralView accept(@PathVariable long id, @RequestBody VersionJson body) {
        return referrals.accept(user(), id, Forms.version(body.version()));
    }

    @PostMapping(path = "/api/v1/referrals/{id}/answer", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReferralService.ReferralView answer(@PathVariable long id, @RequestParam(required = false) String version,
                                        @RequestParam(required = false) String answer,
                                        @RequestPart(value = "files", required = false) List<MultipartFile> files) {
        return referrals.answer(user(), id, Forms.version(version), answer, Forms.files(files));
    }

    @PostMapping(path = "/api/v1/referrals/{id}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReferralService.ReferralView confirm(@PathVariable long id, @RequestBody VersionJson body) {
        return referrals.confirm(user(), id, Forms.version(body.version()));
    }

    @PostMapping(path = "/api/v1/referrals/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReferralService.ReferralView returnAnswer(@PathVariable long id, @RequestBody ReturnJson body) {
        return referrals.returnAnswer(user(), id, Forms.version(body.version()), body.reason());
    }

    // ---------------------------------------------------------------- operations

    @GetMapping("/api/v1/operations")
    List<JointOperation> operations() {
        return operations.list(user());
    }

    @PostMapping(path = "/api/v1/operations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OperationService.OperationView organise(@RequestBody OperationJson body) {
        return operations.create(user(), new OperationService.NewOperation(Forms.date(body.heldOn(), "heldOn", "行动日期"), body.title(),
                body.leadDepartment(), body.departments(), body.enterpriseIds()));
    }

    @GetMapping("/api/v1/operations/{id}")
    OperationService.OperationView operation(@PathVariable long id) {
        return operations.get(user(), id);
    }

    @PostMapping(path = "/api/v1/operations/{id}/parts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OperationService.OperationView part(@PathVariable long id, @RequestParam(required = false) String version,
                                        @RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String action,
                                        @RequestParam(required = false) String outcome,
                                        @RequestPart(value = "file", required = false) MultipartFile file) {
        Long enterprise = Forms.id(enterpriseId, "enterpriseId", "企业编号");
        if (enterprise == null) {
            throw new InvalidInputException("enterpriseId", "请选择企业");
        }
        var files = Forms.files(file == null ? List.of() : List.of(file));
        return operations.recordPart(user(), id, Forms.version(version), enterprise, action, outcome, files.isEmpty() ? null : files.get(0));
    }

    private static CurrentUser user() {
        return CurrentUsers.require();
    }
}
