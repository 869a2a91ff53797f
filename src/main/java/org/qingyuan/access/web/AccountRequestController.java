package org.qingyuan.access.web;

import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.internal.AdminAccountRequests;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security admin approves or rejects the system admin's requests about administrator accounts (create, reset,
 * disable, enable, re-bind) and about business accounts no district office can take over.
 */
@Controller
@RequestMapping("/security/account-requests")
class AccountRequestController {

    private final AdminAccountRequests requests;

    AccountRequestController(AdminAccountRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("requests", requests.recent());
        return "access/account-requests";
    }

    @PostMapping("/{id}/approval")
    String approve(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            String password = requests.approve(id, CurrentUsers.require());
            if (password != null) {
                redirect.addFlashAttribute("oneTimePassword", password);
                redirect.addFlashAttribute("oneTimeRequest", id);
            } else {
                redirect.addFlashAttribute("message", "已批准并生效");
            }
            return "redirect:/security/account-requests";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @PostMapping("/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            requests.reject(id, CurrentUsers.require(), reason);
            redirect.addFlashAttribute("message", "已驳回");
            return "redirect:/security/account-requests";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @Bean
    static NavigationItem accountRequestNavigation() {
        return new NavigationItem("安全管理", "账号审批", "/security/account-requests", 1105);
    }
}
