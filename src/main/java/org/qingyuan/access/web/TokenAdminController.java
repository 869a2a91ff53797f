package org.qingyuan.access.web;

import java.util.Arrays;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.internal.ApiTokens;
import org.qingyuan.region.Divisions;
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

/** The system admin's API tokens: create (shown once), list with last use, revoke. */
@Controller
@RequestMapping("/admin/tokens")
class TokenAdminController {

    private final ApiTokens tokens;
    private final Divisions divisions;

    TokenAdminController(ApiTokens tokens, Divisions divisions) {
        this.tokens = tokens;
        this.divisions = divisions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("roles", Arrays.stream(RoleCode.values()).filter(r -> !r.administrator()).toList());
        return "access/tokens";
    }

    @PostMapping
    String create(@RequestParam String name, @RequestParam String role, @RequestParam String divisionCode,
                  @RequestParam(required = false) String departmentCode, Model model, RedirectAttributes redirect) {
        try {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("name", "请填写令牌名称（调用方系统）");
            }
            var division = InvalidInputException.divisionCode("divisionCode", divisionCode);
            divisions.get(division);
            RoleCode roleCode = RoleCode.valueOf(role);
            if (roleCode.administrator()) {
                throw new InvalidInputException("role", "接口令牌不能使用管理员角色");
            }
            String token = tokens.create(name.strip(), roleCode, division,
                    departmentCode == null || departmentCode.isBlank() ? null : departmentCode, CurrentUsers.require().username());
            redirect.addFlashAttribute("oneTimeToken", token);
            return "redirect:/admin/tokens";
        } catch (InvalidInputException | org.qingyuan.shared.NotFoundException e) {
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
