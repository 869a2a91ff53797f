package org.qingyuan.policy.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.PopulationPreview;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PolicyFormatException;
import org.qingyuan.policy.PolicySummary;
import org.qingyuan.policy.PreviewInput;
import org.qingyuan.policy.PreviewReport;
import org.qingyuan.policy.ZoneAssignment;
import org.qingyuan.policy.web.PolicyViews.EvaluationView;
import org.qingyuan.policy.web.PolicyViews.PolicyView;
import org.qingyuan.policy.web.PolicyViews.SummaryView;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policies as JSON: list, detail, evaluation, registration, activation, preview, zones. */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyApiController {

    private final Policies policies;
    private final Divisions divisions;

    PolicyApiController(Policies policies, Divisions divisions) {
        this.policies = policies;
        this.divisions = divisions;
    }

    @GetMapping
    List<SummaryView> list() {
        return policies.list().stream().map(SummaryView::of).toList();
    }

    /** One policy with every rule and its source; the latest version unless {@code version} is given. */
    @GetMapping("/{id}")
    PolicyView get(@PathVariable String id, @RequestParam(value = "version", required = false) Integer version) {
        Policy policy = version == null ? policies.get(id) : policies.get(id, version);
        return PolicyView.of(policy, summary(id));
    }

    /** The raw policy file. */
    @GetMapping(value = "/{id}/versions/{version}/content", produces = "text/plain;charset=UTF-8")
    String content(@PathVariable String id, @PathVariable int version) {
        return policies.get(id, version).content();
    }

    record EvaluationRequest(Map<String, Object> facts, String zone, String noticeDate, Integer version) {
    }

    /** Classifies facts under the policy (latest version unless {@code version} is given); nothing is stored. */
    @PostMapping("/{id}/evaluations")
    EvaluationView evaluate(@PathVariable String id, @RequestBody EvaluationRequest request) {
        int version = request.version() != null ? request.version() : policies.get(id).version();
        return EvaluationView.of(policies.evaluate(id, version, RequestFacts.facts(request.facts()), blankToNull(request.zone()),
                RequestValues.date("noticeDate", request.noticeDate())));
    }

    /** Registers a policy file (YAML in the body) as a new version. */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    ResponseEntity<SummaryView> register(@RequestBody String content, Principal principal) {
        Policy policy = policies.register(content, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/policies/" + policy.id() + "?version=" + policy.version()))
                .body(SummaryView.of(summary(policy.id())));
    }

    @PostMapping("/{id}/versions/{version}/activation")
    SummaryView activate(@PathVariable String id, @PathVariable int version, Principal principal) {
        policies.activate(id, version, principal.getName());
        return SummaryView.of(summary(id));
    }

    record PreviewItem(String key, Map<String, Object> facts, String division, String zone) {
    }

    record PreviewRequest(String noticeDate, List<PreviewItem> inputs) {
    }

    record PreviewView(String currentPolicy, Integer currentVersion, String candidatePolicy, int candidateVersion, int total,
                       long categoryChanges, List<PreviewReport.Change> changes) {
    }

    /** What would change for these enterprises if this version were active. */
    @PostMapping("/{id}/versions/{version}/preview")
    PreviewView preview(@PathVariable String id, @PathVariable int version, @RequestBody PreviewRequest request) {
        List<PreviewInput> inputs = request.inputs() == null ? List.of() : request.inputs().stream()
                .map(i -> new PreviewInput(i.key(), RequestFacts.facts(i.facts()),
                        i.division() == null || i.division().isBlank() ? null : InvalidInputException.divisionCode("division", i.division()),
                        blankToNull(i.zone())))
                .toList();
        PreviewReport report = policies.preview(id, version, inputs, RequestValues.date("noticeDate", request.noticeDate()));
        return new PreviewView(report.currentPolicyId(), report.currentVersion(), report.candidatePolicyId(),
                report.candidateVersion(), report.total(), report.categoryChanges(), report.changes());
    }

    /**
     * What would change over the ledger's enterprises inside the caller's jurisdiction if this version
     * were active: counts of category and measure changes, the transitions, and the first changes.
     */
    @GetMapping("/{id}/versions/{version}/preview")
    PopulationPreview previewLedger(@PathVariable String id, @PathVariable int version,
                                    @RequestParam(value = "noticeDate", required = false) String noticeDate,
                                    @RequestParam(value = "limit", defaultValue = "200") int limit) {
        return policies.previewPopulation(id, version, CurrentUsers.require().scope().division(),
                RequestValues.date("noticeDate", noticeDate), Math.max(0, Math.min(limit, 5000)));
    }

    record ZoneView(String division, String name, String zone, boolean assigned, String assignedBy) {
    }

    @GetMapping("/{id}/zones")
    List<ZoneView> zones(@PathVariable String id) {
        return policies.zoneAssignments(id).stream().map(this::view).toList();
    }

    record ZoneRequest(String zone) {
    }

    /** Places a division in a zone; an empty zone removes the administrator's assignment. */
    @PutMapping("/{id}/zones/{division}")
    ZoneView assignZone(@PathVariable String id, @PathVariable String division, @RequestBody ZoneRequest request,
                        Principal principal) {
        return view(policies.assignZone(id, InvalidInputException.divisionCode("division", division),
                request == null ? null : blankToNull(request.zone()), principal.getName()));
    }

    /** A malformed policy file: 400 with the line. */
    @ExceptionHandler(PolicyFormatException.class)
    ResponseEntity<ProblemDetail> malformed(PolicyFormatException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("field", e.field());
        problem.setProperty("line", e.line());
        problem.setProperty("reason", e.reason());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ZoneView view(ZoneAssignment a) {
        String name = divisions.find(InvalidInputException.divisionCode("division", a.division())).map(d -> d.name()).orElse(null);
        return new ZoneView(a.division(), name, a.zone(), a.assigned(), a.assignedBy());
    }

    private PolicySummary summary(String id) {
        return policies.list().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("实施方案“" + id + "”不存在"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
