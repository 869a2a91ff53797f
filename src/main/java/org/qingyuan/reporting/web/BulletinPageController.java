package org.qingyuan.reporting.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.reporting.Bulletin;
import org.qingyuan.reporting.BulletinKind;
import org.qingyuan.reporting.Bulletins;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.RequestValues;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 通报: the published bulletins, and the district office's draft, preview and publication of the next one. */
@Controller
@RequestMapping("/bulletins")
class BulletinPageController {

    private final Bulletins bulletins;
    private final RouteAccess routes;

    BulletinPageController(Bulletins bulletins, RouteAccess routes) {
        this.bulletins = bulletins;
        this.routes = routes;
    }

    @Bean
    static NavigationItem bulletinsNavigation() {
        return new NavigationItem("报表统计", "通报", "/bulletins", 520);
    }

    @GetMapping
    String list(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("bulletins", bulletins.list(user));
        model.addAttribute("canIssue", routes.allows(user, "GET", "/bulletins/new"));
        return "reporting/bulletins";
    }

    @GetMapping("/new")
    String draft(@RequestParam(required = false) String kind, @RequestParam(required = false) String day, Model model) {
        BulletinKind k = BulletinApiController.kind(kind);
        model.addAttribute("draft", bulletins.draft(CurrentUsers.require(), k, RequestValues.date("day", day)));
        model.addAttribute("kinds", BulletinKind.values());
        model.addAttribute("day", day == null ? "" : day);
        return "reporting/bulletin-new";
    }

    @PostMapping("/preview")
    void preview(@RequestParam String kind, @RequestParam(required = false) String day,
                 @RequestParam(required = false) String problems, @RequestParam(required = false) String requirements,
                 HttpServletResponse response) throws IOException {
        BulletinKind k = BulletinApiController.kind(kind);
        LocalDate d = RequestValues.date("day", day);
        byte[] doc = bulletins.preview(CurrentUsers.require(), k, d, problems, requirements);
        Downloads.send(k.label() + "（预览）.docx", BulletinApiController.DOCX, doc, response);
    }

    @PostMapping
    String publish(@RequestParam String kind, @RequestParam(required = false) String day,
                   @RequestParam(required = false) String problems, @RequestParam(required = false) String requirements,
                   RedirectAttributes redirect) {
        try {
            Bulletin b = bulletins.publish(CurrentUsers.require(), BulletinApiController.kind(kind), RequestValues.date("day", day),
                    problems, requirements);
            redirect.addFlashAttribute("saved", b.title() + b.issueNumber() + "已印发，已发送到各单位的消息");
            return "redirect:/bulletins/" + b.id();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:/bulletins/new?kind=" + kind + (day == null || day.isBlank() ? "" : "&day=" + day);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("b", bulletins.get(CurrentUsers.require(), id));
        return "reporting/bulletin";
    }

    @GetMapping("/{id}/file")
    void file(@PathVariable long id, HttpServletResponse response) throws IOException {
        Bulletin b = bulletins.get(CurrentUsers.require(), id);
        Downloads.send(b.fileName(), BulletinApiController.DOCX, bulletins.file(CurrentUsers.require(), id), response);
    }
}
