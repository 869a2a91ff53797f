package org.qingyuan.reporting.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.reporting.SubmissionState;
import org.qingyuan.reporting.SubmissionView;
import org.qingyuan.reporting.Submissions;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.ValidationException;
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

/**
 * 报送: the district office's view of who reported what and when (each report and period a table of units, late ones
 * marked), a unit's own submissions, and one submission's page with its two clicks (生成报表, 提交) and the office's
 * answer.
 */
@Controller
@RequestMapping("/reports")
class ReportPageController {

    private final Submissions submissions;
    private final RouteAccess routes;

    ReportPageController(Submissions submissions, RouteAccess routes) {
        this.submissions = submissions;
        this.routes = routes;
    }

    @Bean
    static NavigationItem reportsNavigation() {
        return new NavigationItem("报表统计", "报送", "/reports", 510);
    }

    /** One report's period: its submissions by unit, with counts. */
    public record Round(String title, String periodLabel, java.time.LocalDate due, List<SubmissionView> items, long submitted,
                        long late, long missing) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String period, @RequestParam(required = false) String report,
                @RequestParam(required = false) String unit, Model model) {
        CurrentUser user = CurrentUsers.require();
        Map<String, List<SubmissionView>> grouped = new LinkedHashMap<>();
        for (SubmissionView v : submissions.list(user, period, report)) {
            if (unit != null && !unit.isBlank() && !v.submission().subject().unitDivision().equals(unit)
                    && !v.submission().subject().unitKey().equals(unit)) {
                continue;
            }
            var j = v.submission().subject();
            grouped.computeIfAbsent(j.dutyId() + "|" + j.periodKey(), k -> new ArrayList<>()).add(v);
        }
        List<Round> rounds = new ArrayList<>();
        grouped.values().forEach(items -> {
            var j = items.get(0).submission().subject();
            rounds.add(new Round(j.dutyTitle(), j.periodLabel(), j.due(), items,
                    items.stream().filter(v -> v.submission().state().frozen()).count(),
                    items.stream().filter(SubmissionView::late).count(),
                    items.stream().filter(v -> !v.submission().state().frozen() && v.late()).count()));
        });
        model.addAttribute("rounds", rounds);
        model.addAttribute("unit", unit);
        model.addAttribute("canReceive", routes.allows(user, "POST", "/reports/submissions/1/receive"));
        return "reporting/list";
    }

    @GetMapping("/submissions/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        SubmissionView v = submissions.get(user, id);
        model.addAttribute("v", v);
        model.addAttribute("s", v.submission());
        model.addAttribute("j", v.submission().subject());
        model.addAttribute("chain", submissions.chain(user, id));
        model.addAttribute("canSubmit", v.canAct() && routes.allows(user, "POST", "/reports/submissions/" + id + "/submit"));
        model.addAttribute("canReceive", routes.allows(user, "POST", "/reports/submissions/" + id + "/receive")
                && v.submission().state() == SubmissionState.SUBMITTED && v.submission().supersededByOrNull() == null);
        return "reporting/show";
    }

    @GetMapping("/submissions/{id}/files/{part}")
    void file(@PathVariable long id, @PathVariable String part, HttpServletResponse response) throws IOException {
        Downloads.send(submissions.file(CurrentUsers.require(), id, part), response);
    }

    @PostMapping("/submissions/{id}/prepare")
    String prepare(@PathVariable long id, @RequestParam String version, RedirectAttributes redirect) {
        return act(id, redirect, "已按台账生成报表，请核对后提交",
                () -> submissions.prepare(CurrentUsers.require(), id, ReportingApiController.versionOf(version)));
    }

    @PostMapping("/submissions/{id}/summary")
    String summary(@PathVariable long id, @RequestParam String version, @RequestParam(required = false) String summary,
                   RedirectAttributes redirect) {
        return act(id, redirect, "工作总结已保存",
                () -> submissions.writeSummary(CurrentUsers.require(), id, ReportingApiController.versionOf(version), summary));
    }

    @PostMapping("/submissions/{id}/scan")
    String scan(@PathVariable long id, @RequestParam String version, @RequestParam("file") MultipartFile file,
                RedirectAttributes redirect) {
        return act(id, redirect, "盖章扫描件已上传", () -> {
            try {
                return submissions.attachScan(CurrentUsers.require(), id, ReportingApiController.versionOf(version),
                        file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/submissions/{id}/submit")
    String submit(@PathVariable long id, @RequestParam String version, RedirectAttributes redirect) {
        return act(id, redirect, "已报送，内容已固化（SM3 签章）",
                () -> submissions.submit(CurrentUsers.require(), id, ReportingApiController.versionOf(version)));
    }

    @PostMapping("/submissions/{id}/receive")
    String receive(@PathVariable long id, @RequestParam String version, RedirectAttributes redirect) {
        return act(id, redirect, "已接收",
                () -> submissions.receive(CurrentUsers.require(), id, ReportingApiController.versionOf(version)));
    }

    @PostMapping("/submissions/{id}/return")
    String returnWith(@PathVariable long id, @RequestParam String version, @RequestParam(required = false) String reason,
                      RedirectAttributes redirect) {
        return act(id, redirect, "已退回",
                () -> submissions.returnWith(CurrentUsers.require(), id, ReportingApiController.versionOf(version), reason));
    }

    @PostMapping("/submissions/{id}/correction")
    String correct(@PathVariable long id, @RequestParam String version, RedirectAttributes redirect) {
        try {
            SubmissionView c = submissions.correct(CurrentUsers.require(), id, ReportingApiController.versionOf(version));
            redirect.addFlashAttribute("saved", "已新建更正件，原报送保留");
            return "redirect:/reports/submissions/" + c.submission().id();
        } catch (org.qingyuan.shared.InvalidInputException | org.qingyuan.shared.ConflictException e) {
            redirect.addFlashAttribute("failure", message(e));
            return "redirect:/reports/submissions/" + id;
        }
    }

    private String act(long id, RedirectAttributes redirect, String done, java.util.function.Supplier<SubmissionView> command) {
        try {
            command.get();
            redirect.addFlashAttribute("saved", done);
        } catch (org.qingyuan.shared.InvalidInputException | org.qingyuan.shared.ConflictException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/reports/submissions/" + id;
    }

    private static String message(RuntimeException e) {
        return e instanceof ValidationException v
                ? v.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(e.getMessage())
                : e.getMessage();
    }
}
