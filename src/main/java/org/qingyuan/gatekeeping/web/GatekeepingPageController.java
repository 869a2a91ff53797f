package org.qingyuan.gatekeeping.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.gatekeeping.Gatekeeping;
import org.qingyuan.gatekeeping.LookupQuery;
import org.qingyuan.gatekeeping.internal.LookupRateLimiter;
import org.qingyuan.gatekeeping.internal.RedLines;
import org.qingyuan.ledger.Industry;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The gatekeeping pages: the lookup by hand (禁入查询) and the red-line areas (禁入红线). */
@Controller
class GatekeepingPageController {

    private final Gatekeeping gatekeeping;
    private final RedLines redLines;
    private final LookupRateLimiter limiter;
    private final RouteAccess routes;

    GatekeepingPageController(Gatekeeping gatekeeping, RedLines redLines, LookupRateLimiter limiter, RouteAccess routes) {
        this.gatekeeping = gatekeeping;
        this.redLines = redLines;
        this.limiter = limiter;
        this.routes = routes;
    }

    @Bean
    static NavigationItem gatekeepingNavigation() {
        return new NavigationItem("禁入管控", "禁入查询", "/gatekeeping", 700);
    }

    @Bean
    static NavigationItem redLinesNavigation() {
        return new NavigationItem("禁入管控", "禁入红线", "/red-lines", 710);
    }

    @GetMapping("/gatekeeping")
    String lookup(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String address, @RequestParam(required = false) Double lat,
                  @RequestParam(required = false) Double lon, Model model) {
        CurrentUser user = CurrentUsers.require();
        var query = new LookupQuery(creditCode, name, address, lat, lon, null);
        model.addAttribute("query", query);
        boolean asked = query.creditCode() != null || query.name() != null || query.address() != null || lat != null || lon != null;
        if (asked) {
            if (!limiter.tryAcquire(user.id())) {
                model.addAttribute("error", "查询过于频繁，请稍后再试");
            } else {
                try {
                    model.addAttribute("answer", gatekeeping.lookup(query, user));
                } catch (InvalidInputException e) {
                    model.addAttribute("error", e.getMessage());
                    model.addAttribute("errorField", e.field());
                }
            }
        }
        return "gatekeeping/lookup";
    }

    @GetMapping("/red-lines")
    String redLines(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("areas", redLines.list(user));
        model.addAttribute("industries", Industry.values());
        model.addAttribute("canManage", routes.allows(user, "POST", "/red-lines"));
        return "gatekeeping/red-lines";
    }

    @PostMapping("/red-lines")
    String createRedLine(@RequestParam(required = false) String name, @RequestParam(required = false) String divisionCodes,
                         @RequestParam(required = false) String boundary,
                         @RequestParam(required = false) List<String> bannedIndustries,
                         @RequestParam(required = false) String otherIndustries,
                         @RequestParam(required = false) String documentTitle,
                         @RequestParam(required = false) String documentNumber,
                         @RequestParam(required = false) String legalBasis,
                         @RequestParam(required = false) MultipartFile document, RedirectAttributes redirect) throws IOException {
        List<String> industries = new java.util.ArrayList<>(bannedIndustries == null ? List.of() : bannedIndustries);
        industries.addAll(split(otherIndustries));
        try {
            var area = redLines.create(new RedLines.Form(name, split(divisionCodes), boundary, industries, documentTitle,
                    documentNumber, legalBasis, true), upload(document), CurrentUsers.require());
            redirect.addFlashAttribute("message", "已设立禁入红线区域“" + area.name() + "”");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/red-lines";
    }

    /** Edits an area from the page: every field, the reason (required) and optionally a new document. */
    @PostMapping("/red-lines/{id}")
    String editRedLine(@PathVariable long id, @RequestParam(required = false) Integer version,
                       @RequestParam(required = false) String name, @RequestParam(required = false) String divisionCodes,
                       @RequestParam(required = false) String boundary,
                       @RequestParam(required = false) List<String> bannedIndustries,
                       @RequestParam(required = false) String otherIndustries,
                       @RequestParam(required = false) String documentTitle,
                       @RequestParam(required = false) String documentNumber,
                       @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String reason,
                       @RequestParam(required = false) MultipartFile document, RedirectAttributes redirect) throws IOException {
        List<String> industries = new java.util.ArrayList<>(bannedIndustries == null ? List.of() : bannedIndustries);
        industries.addAll(split(otherIndustries));
        try {
            var area = redLines.update(id, version, new RedLines.Form(name, split(divisionCodes), boundary, industries,
                    documentTitle, documentNumber, legalBasis, true), reason, upload(document), CurrentUsers.require());
            redirect.addFlashAttribute("message", "已修改禁入红线区域“" + area.name() + "”（版本 " + area.version() + "）");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/red-lines";
    }

    /** Lifts (撤销) an area with the reason. */
    @PostMapping("/red-lines/{id}/lift")
    String liftRedLine(@PathVariable long id, @RequestParam(required = false) Integer version,
                       @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            var area = redLines.lift(id, version, reason, CurrentUsers.require());
            redirect.addFlashAttribute("message", "已撤销禁入红线区域“" + area.name() + "”");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/red-lines";
    }

    private static RedLines.Upload upload(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : new RedLines.Upload(file.getOriginalFilename(), file.getInputStream());
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
