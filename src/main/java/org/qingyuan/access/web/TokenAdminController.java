package org.qingyuan.access.web;

import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.internal.ApiTokens;
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

/**
 * The system admin's API tokens: approve or reject the district offices' requests, list tokens with their last
 * use, revoke. He cannot create a token himself and never sees one.
 */
@Controller
@RequestMapping("/admin/tokens")
class TokenAdminController {

    private final ApiTokens tokens;
    private final TokenRequests requests;

    TokenAdminController(ApiTokens tokens, TokenRequests requests) {
        this.tokens = tokens;
        this.requests = requests;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("requests", requests.recent());
        return "access/tokens";
    }

    @PostMapping("/requests/{id}/approval")
    String approve(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            requests.approve(id, CurrentUsers.require());
            redirect.addFlashAttribute("message", "已批准，令牌由申请人领取（系统管理员看不到令牌）");
            return "redirect:/admin/tokens";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @PostMapping("/requests/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            requests.reject(id, CurrentUsers.require(), reason);
            redirect.addFlashAttribute("message", "已驳回");
            return "redirect:/admin/tokens";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @PostMapping("/{id}/revocation")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, CurrentUsers.require().username());
        redirect.addFlashAttribute("message", "令牌已吊销");
        return "redirect:/admin/tokens";
    }

    @Bean
    static NavigationItem tokenAdminNavigation() {
        return new NavigationItem("系统管理", "接口令牌", "/admin/tokens", 1010);
    }
}
