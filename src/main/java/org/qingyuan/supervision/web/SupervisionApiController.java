package org.qingyuan.supervision.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.supervision.Draw;
import org.qingyuan.supervision.InspectionTask;
import org.qingyuan.supervision.ItemFinding;
import org.qingyuan.supervision.Population;
import org.qingyuan.supervision.Problem;
import org.qingyuan.supervision.ProblemState;
import org.qingyuan.supervision.RoundMode;
import org.qingyuan.supervision.SupervisionRound;
import org.qingyuan.supervision.TownEstimate;
import org.qingyuan.supervision.internal.InspectionService;
import org.qingyuan.supervision.internal.ProblemService;
import org.qingyuan.supervision.internal.RoundService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supervision under {@code /api/v1/supervision}: rounds (draw, population list, re-run, estimates), the public re-run of
 * any draw ({@code draws}), inspection tasks and their inspection, the tracking ledger's problems and their steps, and
 * the escalation records (notice documents, summons held).
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RoundService rounds;
    private final InspectionService inspections;
    private final ProblemService problems;

    SupervisionApiController(RoundService rounds, InspectionService inspections, ProblemService problems) {
        this.rounds = rounds;
        this.inspections = inspections;
        this.problems = problems;
    }

    record NewRoundJson(String name, String mode, BigDecimal share, String seed) {
    }

    record VersionJson(Integer version) {
    }

    record DrawJson(String seed, BigDecimal share, String population) {
    }

    record HandOverJson(Integer version, String handedToKind, String handedTo, String responsiblePerson, String deadline) {
    }

    record VerificationJson(Integer version, Boolean accepted, String reason) {
    }

    // ---------------------------------------------------------------- rounds

    @GetMapping("/rounds")
    List<SupervisionRound> rounds() {
        return rounds.list(user());
    }

    @PostMapping(path = "/rounds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionRound draw(@RequestBody NewRoundJson body) {
        return rounds.draw(user(), new RoundService.NewRound(body.name(), mode(body.mode()), body.share(), body.seed()));
    }

    @GetMapping("/rounds/{id}")
    SupervisionRound round(@PathVariable long id) {
        return rounds.get(user(), id);
    }

    @GetMapping(path = "/rounds/{id}/population", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String population(@PathVariable long id) {
        return rounds.population(user(), id);
    }

    @GetMapping("/rounds/{id}/allocations")
    List<Draw.Allocation> allocations(@PathVariable long id) {
        return rounds.allocations(user(), id);
    }

    @GetMapping("/rounds/{id}/rerun")
    RoundService.Rerun rerun(@PathVariable long id) {
        return rounds.rerun(user(), id);
    }

    @GetMapping("/rounds/{id}/estimates")
    List<TownEstimate> estimates(@PathVariable long id) {
        return rounds.estimates(user(), id);
    }

    @PostMapping("/rounds/{id}/finish")
    SupervisionRound finish(@PathVariable long id, @RequestBody VersionJson body) {
        return rounds.finish(user(), id, Uploads.version(body.version()));
    }

    /** Re-runs a draw from a seed, a share and a population list (the canonical text), for anyone to check a round. */
    @PostMapping(path = "/draws", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> rerunAny(@RequestBody DrawJson body) {
        if (body.seed() == null || body.seed().isBlank()) {
            throw new InvalidInputException("seed", "请提供随机种子 seed");
        }
        if (body.share() == null || body.share().signum() <= 0 || body.share().compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("share", "抽查比例 share 应大于 0 且不超过 1");
        }
        if (body.population() == null || body.population().isBlank()) {
            throw new InvalidInputException("population", "请提供名单 population（每行：企业编号<TAB>镇街代码<TAB>措施/状态）");
        }
        Population population;
        try {
            population = Population.parse(body.population());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("population", e.getMessage());
        }
        Draw.Sample sample = Draw.draw(population, body.seed(), body.share());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("populationDigest", population.digest());
        out.put("populationSize", population.entries().size());
        out.put("drawn", sample.drawn());
        out.put("allocations", sample.allocations());
        return out;
    }

    /** The same re-run with the list uploaded as a file (a district's list can exceed a JSON field's size). */
    @PostMapping(path = "/draws", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> rerunUploaded(@RequestParam(required = false) String seed, @RequestParam(required = false) String share,
                                      @RequestPart(value = "population", required = false) MultipartFile population) {
        String text;
        try {
            text = population == null ? null : new String(population.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        BigDecimal fraction;
        try {
            fraction = share == null || share.isBlank() ? null : new BigDecimal(share.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("share", "抽查比例 share 应为小数，如 0.2");
        }
        return rerunAny(new DrawJson(seed, fraction, text));
    }

    // ---------------------------------------------------------------- tasks

    @GetMapping("/tasks")
    List<InspectionTask> tasks(@RequestParam(required = false) Long round, @RequestParam(required = false) String state) {
        return inspections.tasks(user(), round, state);
    }

    @GetMapping("/tasks/{id}")
    Map<String, Object> task(@PathVariable long id) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", inspections.get(user(), id));
        out.put("checklist", inspections.checklist(user(), id));
        return out;
    }

    @PostMapping(path = "/tasks/{id}/inspection", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    InspectionTask inspect(@PathVariable long id, @RequestParam(required = false) Integer version,
                           @RequestParam(required = false) String latitude, @RequestParam(required = false) String longitude,
                           @RequestParam(required = false) String note, @RequestParam(required = false) String findings,
                           @RequestPart(value = "photos", required = false) List<MultipartFile> photos) {
        return inspections.inspect(user(), id, new InspectionService.Inspection(Uploads.version(version),
                Uploads.number(latitude, "latitude", "纬度"), Uploads.number(longitude, "longitude", "经度"), findings(findings), note,
                Uploads.files(photos).stream().map(f -> new InspectionService.Photo(f.name(), f.content())).toList()));
    }

    /** One finding as the form or a client sends it: the item, whether it matches, and what was seen. */
    record FindingJson(String item, Boolean ok, String note) {
    }

    static List<ItemFinding> findings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<FindingJson>>() { }).stream()
                    .map(f -> new ItemFinding(f.item(), null, false, f.ok() == null || f.ok(), f.note())).toList();
        } catch (RuntimeException e) {
            throw new InvalidInputException("findings", "检查项 findings 应为 JSON 数组：[{\"item\": \"CUT_POWER\", \"ok\": false, \"note\": \"现场仍通电\"}]");
        }
    }

    // ---------------------------------------------------------------- problems

    @GetMapping("/problems")
    List<Problem> problems(@RequestParam(required = false) String state, @RequestParam(required = false) String town,
                           @RequestParam(required = false) Boolean overdue) {
        return problems.list(user(), state(state), town, overdue);
    }

    @GetMapping("/problems/{id}")
    ProblemService.ProblemView problem(@PathVariable long id) {
        return problems.get(user(), id);
    }

    @PostMapping(path = "/problems/{id}/hand-over", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProblemService.ProblemView handOver(@PathVariable long id, @RequestBody HandOverJson body) {
        return problems.handOver(user(), id, Uploads.version(body.version()), body.handedToKind(), body.handedTo(),
                body.responsiblePerson(), Uploads.date(body.deadline(), "deadline", "整改期限"));
    }

    @PostMapping(path = "/problems/{id}/rectification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ProblemService.ProblemView rectify(@PathVariable long id, @RequestParam(required = false) Integer version,
                                       @RequestParam(required = false) String note,
                                       @RequestPart(value = "files", required = false) List<MultipartFile> files) {
        return problems.rectify(user(), id, Uploads.version(version), note, uploads(files));
    }

    @PostMapping(path = "/problems/{id}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProblemService.ProblemView verify(@PathVariable long id, @RequestBody VerificationJson body) {
        if (body.accepted() == null) {
            throw new InvalidInputException("accepted", "请说明整改是否到位：accepted 为 true 或 false");
        }
        return problems.verify(user(), id, Uploads.version(body.version()), body.accepted(), body.reason());
    }

    @PostMapping(path = "/problems/{id}/close-out", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProblemService.ProblemView closeOut(@PathVariable long id, @RequestBody VersionJson body) {
        return problems.closeOut(user(), id, Uploads.version(body.version()));
    }

    @PostMapping(path = "/escalations/{id}/summons", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ProblemService.ProblemView summons(@PathVariable long id, @RequestParam(required = false) Integer version,
                                       @RequestParam(required = false) String heldOn, @RequestParam(required = false) String attendees,
                                       @RequestParam(required = false) String minutes, @RequestParam(required = false) String commitments,
                                       @RequestPart(value = "files", required = false) List<MultipartFile> files) {
        return problems.recordSummons(user(), id, Uploads.version(version), Uploads.date(heldOn, "heldOn", "约谈日期"), attendees, minutes,
                commitments, uploads(files));
    }

    @PostMapping(path = "/escalations/{id}/notice", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ProblemService.ProblemView notice(@PathVariable long id, @RequestParam(required = false) Integer version,
                                      @RequestParam(required = false) String documentNo,
                                      @RequestPart(value = "files", required = false) List<MultipartFile> files) {
        return problems.recordNotice(user(), id, Uploads.version(version), documentNo, uploads(files));
    }

    static List<ProblemService.Upload> uploads(List<MultipartFile> files) {
        List<ProblemService.Upload> out = new ArrayList<>();
        Uploads.files(files).forEach(f -> out.add(new ProblemService.Upload(f.name(), f.content())));
        return out;
    }

    static RoundMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return null;
        }
        try {
            return RoundMode.valueOf(mode.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mode", "督查方式应为 OPEN（明察）或 COVERT（暗访），实际为“" + mode + "”");
        }
    }

    static ProblemState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ProblemState.valueOf(state.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "问题状态应为 FOUND、HANDED_OVER、RECTIFIED、VERIFIED 或 CLOSED_OUT");
        }
    }

    private static CurrentUser user() {
        return CurrentUsers.require();
    }
}
