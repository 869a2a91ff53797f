package org.qingyuan.supervision.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Departments;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.ValidationException;
import org.qingyuan.supervision.InspectionTask;
import org.qingyuan.supervision.ItemFinding;
import org.qingyuan.supervision.Problem;
import org.qingyuan.supervision.ProblemState;
import org.qingyuan.supervision.RoundMode;
import org.qingyuan.supervision.SupervisionRound;
import org.qingyuan.supervision.internal.InspectionService;
import org.qingyuan.supervision.internal.ProblemService;
import org.qingyuan.supervision.internal.RoundService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision pages: rounds, a round's tasks and estimates, the inspection on a phone, the tracking ledger. */
@Controller
@RequestMapping("/supervision")
class SupervisionPageController {

    private final RoundService rounds;
    private final InspectionService inspections;
    private final ProblemService problems;
    private final Divisions divisions;
    private final Departments departments;
    private final RouteAccess routes;

    SupervisionPageController(RoundService rounds, InspectionService inspections, ProblemService problems, Divisions divisions,
                              Departments departments, RouteAccess routes) {
        this.rounds = rounds;
        this.inspections = inspections;
        this.problems = problems;
        this.divisions = divisions;
        this.departments = departments;
        this.routes = routes;
    }

    @Bean
    static NavigationItem supervisionNavigation() {
        return new NavigationItem("督查考核", "督查轮次", "/supervision", 600);
    }

    @Bean
    static NavigationItem supervisionLedgerNavigation() {
        return new NavigationItem("督查考核", "督查跟踪台账", "/supervision/problems", 610);
    }

    // ---------------------------------------------------------------- rounds

    @GetMapping
    String rounds(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("rounds", rounds.list(user));
        model.addAttribute("rules", rounds.rules());
        model.addAttribute("modes", RoundMode.values());
        model.addAttribute("canDraw", routes.allows(user, "POST", "/supervision/rounds"));
        model.addAttribute("sharePercent", RoundService.percent(rounds.rules().share()));
        return "supervision/rounds";
    }

    @PostMapping("/rounds")
    String draw(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/supervision", () -> {
            BigDecimal share = null;
            String percent = form.get("sharePercent");
            if (percent != null && !percent.isBlank()) {
                try {
                    share = new BigDecimal(percent.strip()).movePointLeft(2);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("share", "抽查比例应为百分数，如 20");
                }
            }
            SupervisionRound r = rounds.draw(user, new RoundService.NewRound(form.get("name"),
                    SupervisionApiController.mode(form.get("mode")), share, form.get("seed")));
            redirect.addFlashAttribute("message", "已抽取 " + r.tasks() + " 家企业（全区 " + r.populationSize() + " 家），随机种子 " + r.seed());
            return "/supervision/rounds/" + r.id();
        });
    }

    @GetMapping("/rounds/{id}")
    String round(@PathVariable long id, @RequestParam(defaultValue = "false") boolean verify, Model model) {
        CurrentUser user = CurrentUsers.require();
        SupervisionRound round = rounds.get(user, id);
        boolean all = routes.allows(user, "GET", "/api/v1/supervision/rounds/" + id + "/estimates") && seesAll(user);
        model.addAttribute("round", round);
        model.addAttribute("tasks", inspections.tasks(user, id, null));
        model.addAttribute("all", all);
        model.addAttribute("estimates", all ? rounds.estimates(user, id) : List.of());
        model.addAttribute("rerun", all && verify ? rounds.rerun(user, id) : null);
        model.addAttribute("canFinish", all && routes.allows(user, "POST", "/supervision/rounds/" + id + "/finish") && !round.finished());
        model.addAttribute("townNames", townNames(user));
        return "supervision/round";
    }

    @PostMapping("/rounds/{id}/finish")
    String finish(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/supervision/rounds/" + id, () -> {
            rounds.finish(user, id, Uploads.version(version));
            redirect.addFlashAttribute("message", "本轮督查已结束");
            return "/supervision/rounds/" + id;
        });
    }

    // ---------------------------------------------------------------- tasks

    @GetMapping("/tasks/{id}")
    String task(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        InspectionTask task = inspections.get(user, id);
        model.addAttribute("task", task);
        model.addAttribute("checklist", task.done() ? task.findings() : inspections.checklist(user, id));
        model.addAttribute("canInspect", !task.done() && seesAll(user) && routes.allows(user, "POST", "/supervision/tasks/" + id + "/inspection"));
        model.addAttribute("place", place(task.divisionCode()));
        model.addAttribute("problems", task.done() && !task.heldUp()
                ? problems.list(user, null, null, null).stream().filter(p -> p.taskId() != null && p.taskId() == id).toList() : List.of());
        return "supervision/task";
    }

    @PostMapping("/tasks/{id}/inspection")
    String inspect(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestParam(value = "photos", required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/supervision/tasks/" + id, () -> {
            List<ItemFinding> findings = new ArrayList<>();
            form.forEach((key, value) -> {
                if (key.startsWith("ok_")) {
                    String item = key.substring(3);
                    findings.add(new ItemFinding(item, null, false, !"false".equals(value), form.get("note_" + item)));
                }
            });
            InspectionTask t = inspections.inspect(user, id, new InspectionService.Inspection(Uploads.version(
                    form.get("version") == null ? null : Integer.valueOf(form.get("version"))),
                    Uploads.number(form.get("latitude"), "latitude", "纬度"), Uploads.number(form.get("longitude"), "longitude", "经度"),
                    findings, form.get("note"), Uploads.files(photos).stream().map(f -> new InspectionService.Photo(f.name(), f.content())).toList()));
            redirect.addFlashAttribute("message", t.heldUp() ? "已记录：现场与上报情况相符" : "已记录：发现问题，已登记督查跟踪台账");
            return "/supervision/tasks/" + id;
        });
    }

    // ---------------------------------------------------------------- problems

    @GetMapping("/problems")
    String ledger(@RequestParam(required = false) String state, @RequestParam(required = false) String town,
                  @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        CurrentUser user = CurrentUsers.require();
        ProblemState s = SupervisionApiController.state(state);
        List<Problem> rows = problems.list(user, s, town, overdue ? Boolean.TRUE : null);
        model.addAttribute("rows", rows);
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("town", town == null ? "" : town);
        model.addAttribute("overdue", overdue);
        model.addAttribute("states", ProblemState.values());
        model.addAttribute("townNames", townNames(user));
        model.addAttribute("today", problemsToday());
        model.addAttribute("departmentNames", departmentNames());
        model.addAttribute("canImport", routes.allows(user, "GET", "/imports/supervision-ledger"));
        return "supervision/problems";
    }

    @GetMapping("/problems/{id}")
    String problem(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        ProblemService.ProblemView view = problems.get(user, id);
        Problem p = view.problem();
        boolean supervisor = seesAll(user) && routes.allows(user, "POST", "/supervision/problems/" + id + "/verification");
        model.addAttribute("view", view);
        model.addAttribute("p", p);
        model.addAttribute("place", place(p.divisionCode()));
        model.addAttribute("canHandOver", supervisor && p.state() == ProblemState.FOUND);
        model.addAttribute("canRectify", p.state() == ProblemState.HANDED_OVER && routes.allows(user, "POST", "/supervision/problems/" + id + "/rectification"));
        model.addAttribute("canVerify", supervisor && p.state() == ProblemState.RECTIFIED);
        model.addAttribute("canClose", supervisor && p.state() == ProblemState.VERIFIED);
        model.addAttribute("canEscalate", seesAll(user) && routes.allows(user, "POST", "/supervision/escalations/0/summons"));
        model.addAttribute("departments", departments.all());
        model.addAttribute("departmentNames", departmentNames());
        model.addAttribute("today", problemsToday());
        model.addAttribute("townNames", townNames(user));
        return "supervision/problem";
    }

    @PostMapping("/problems/{id}/hand-over")
    String handOver(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/supervision/problems/" + id, () -> {
            Problem p = problems.handOver(user, id, version(form), form.get("handedToKind"), form.get("handedTo"),
                    form.get("responsiblePerson"), Uploads.date(form.get("deadline"), "deadline", "整改期限")).problem();
            redirect.addFlashAttribute("message", "已移交，整改期限 " + p.deadline());
            return "/supervision/problems/" + id;
        });
    }

    @PostMapping("/problems/{id}/rectification")
    String rectify(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestParam(value = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/supervision/problems/" + id, () -> {
            problems.rectify(user, id, version(form), form.get("note"), SupervisionApiController.uploads(files));
            redirect.addFlashAttribute("message", "已报告整改情况，等待督查组核实");
            return "/supervision/problems/" + id;
        });
    }

    @PostMapping("/problems/{id}/verification")
    String verify(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/supervision/problems/" + id, () -> {
            boolean accepted = "true".equals(form.get("accepted"));
            problems.verify(user, id, version(form), accepted, form.get("reason"));
            redirect.addFlashAttribute("message", accepted ? "已核实整改到位" : "已退回整改");
            return "/supervision/problems/" + id;
        });
    }

    @PostMapping("/problems/{id}/close-out")
    String closeOut(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/supervision/problems/" + id, () -> {
            problems.closeOut(user, id, version(form));
            redirect.addFlashAttribute("message", "已销号");
            return "/supervision/problems/" + id;
        });
    }

    @PostMapping("/escalations/{id}/summons")
    String summons(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestParam(value = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        String back = "/supervision/problems/" + form.getOrDefault("problemId", "");
        return act(redirect, back, () -> {
            problems.recordSummons(user, id, version(form), Uploads.date(form.get("heldOn"), "heldOn", "约谈日期"), form.get("attendees"),
                    form.get("minutes"), form.get("commitments"), SupervisionApiController.uploads(files));
            redirect.addFlashAttribute("message", "已记录约谈");
            return back;
        });
    }

    @PostMapping("/escalations/{id}/notice")
    String notice(@PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestParam(value = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        String back = "/supervision/problems/" + form.getOrDefault("problemId", "");
        return act(redirect, back, () -> {
            problems.recordNotice(user, id, version(form), form.get("documentNo"), SupervisionApiController.uploads(files));
            redirect.addFlashAttribute("message", "已登记通报文件");
            return back;
        });
    }

    // ---------------------------------------------------------------- helpers

    private static int version(Map<String, String> form) {
        String v = form.get("version");
        try {
            return Uploads.version(v == null || v.isBlank() ? null : Integer.valueOf(v.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "版本号无效，请刷新页面后重试");
        }
    }

    /** Runs a form's command; a refusal goes back to the page with its message (and the field it names). */
    private static String act(RedirectAttributes redirect, String back, Supplier<String> command) {
        try {
            return "redirect:" + command.get();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.errors().isEmpty() ? e.getMessage()
                    : e.errors().stream().map(org.qingyuan.shared.FieldError::message).collect(java.util.stream.Collectors.joining("；")));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    private static boolean seesAll(CurrentUser user) {
        return switch (user.role()) {
            case DISTRICT_OFFICE, SUPERVISOR, LEADER -> true;
            default -> false;
        };
    }

    private java.time.LocalDate problemsToday() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    private String place(String code) {
        return divisions.find(DivisionCode.of(code)).map(Division::name).orElse(code);
    }

    private Map<String, String> townNames(CurrentUser user) {
        Map<String, String> names = new LinkedHashMap<>();
        String district = user.division().value().substring(0, Math.min(6, user.division().value().length()));
        divisions.children(DivisionCode.of(district)).forEach(d -> names.put(d.code().value(), d.name()));
        return names;
    }

    private Map<String, String> departmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        departments.all().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }
}
