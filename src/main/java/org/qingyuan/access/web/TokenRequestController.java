package org.qingyuan.access.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.internal.TokenRequests;
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

/** A district office requests API tokens for the systems of its jurisdiction and takes them once approved. */
@Controller
@RequestMapping("/tokens/requests")
class TokenRequestController {

    private final TokenRequests requests;

    TokenRequestController(TokenRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("requests", requests.mine(CurrentUsers.require()));
        model.addAttribute("roles", Arrays.stream(RoleCode.values()).filter(r -> !r.administrator()).toList());
        model.addAttribute("home", CurrentUsers.require().division().value());
        model.addAttribute("permissions", requests.offered(CurrentUsers.require()));
        return "access/token-requests";
    }

    @PostMapping
    String request(@RequestParam(required = false) String name, @RequestParam(required = false) String role,
                   @RequestParam(required = false) String divisionCode, @RequestParam(required = false) String departmentCode,
                   @RequestParam(required = false) java.util.List<String> permissions, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        try {
            requests.request(CurrentUsers.require(), name, role, divisionCode, departmentCode, permissions, reason);
            redirect.addFlashAttribute("message", "已提交申请，待系统管理员批准后在此领取令牌");
            return "redirect:/tokens/requests";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @PostMapping("/{id}/token")
    String issue(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            redirect.addFlashAttribute("oneTimeToken", requests.issue(id, CurrentUsers.require()));
            return "redirect:/tokens/requests";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @Bean
    static NavigationItem tokenRequestNavigation() {
        return new NavigationItem("基础数据", "接口令牌申请", "/tokens/requests", 920);
    }
}
