package org.qingyuan.access.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.internal.CredentialHandovers;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 账号交付: the district office collects, once, the one-time password of an account of its jurisdiction that the system
 * admin created or reset, and hands it to the person.
 */
@Controller
@RequestMapping("/accounts/handovers")
class CredentialHandoverController {

    private final CredentialHandovers handovers;

    CredentialHandoverController(CredentialHandovers handovers) {
        this.handovers = handovers;
    }

    @GetMapping
    String list(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        model.addAttribute("handovers", handovers.visibleTo(CurrentUsers.require()));
        model.addAttribute("validityHours", handovers.validity().toHours());
        model.addAttribute("now", Instant.now());
        return "access/handovers";
    }

    @PostMapping("/{id}/collection")
    String collect(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            redirect.addFlashAttribute("oneTimePassword", handovers.collect(id, CurrentUsers.require()));
            redirect.addFlashAttribute("oneTimeHandover", id);
            return "redirect:/accounts/handovers";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return list(model, response);
        }
    }

    @Bean
    static NavigationItem credentialHandoverNavigation() {
        return new NavigationItem("基础数据", "账号交付", "/accounts/handovers", 925);
    }
}
