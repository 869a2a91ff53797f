package org.qingyuan.complaint.web;

import java.util.Map;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.complaint.internal.PublicResults;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The district office publishes typical cases (典型案例) on the public results page, and withdraws them with a reason. */
@Controller
class TypicalCaseController {

    private final PublicResults results;

    TypicalCaseController(PublicResults results) {
        this.results = results;
    }

    @GetMapping("/complaints/typical-cases")
    String list(Model model) {
        model.addAttribute("cases", results.typicalCases(true));
        return "complaint/typical-cases";
    }

    @PostMapping("/complaints/typical-cases")
    String publish(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            results.publish(form.get("title"), form.get("body"), CurrentUsers.require());
            redirect.addFlashAttribute("message", "已发布到公开页面");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/complaints/typical-cases";
    }

    @PostMapping("/complaints/typical-cases/{id}/withdrawal")
    String withdraw(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            results.withdraw(id, Forms.version(form.get("version")), form.get("reason"), CurrentUsers.require());
            redirect.addFlashAttribute("message", "已撤下");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/complaints/typical-cases";
    }
}
