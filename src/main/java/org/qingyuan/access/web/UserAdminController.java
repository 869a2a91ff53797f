package org.qingyuan.access.web;

import java.util.Arrays;

import org.qingyuan.access.Departments;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.internal.AdminAccountRequests;
import org.qingyuan.access.internal.CredentialHandovers;
import org.qingyuan.access.internal.UserAdministration;
import org.qingyuan.access.internal.UserAdministration.NewUser;
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
 * The system admin's user pages: list, create, bind, disable, reset password. No page shows him a password: a business
 * account's goes to the district office of its jurisdiction (账号交付), and any change to an administrator's account
 * only files a request for the security admin.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAdministration users;
    private final AdminAccountRequests requests;
    private final CredentialHandovers handovers;
    private final Departments departments;

    UserAdminController(UserAdministration users, AdminAccountRequests requests, CredentialHandovers handovers, Departments departments) {
        this.users = users;
        this.requests = requests;
        this.handovers = handovers;
        this.departments = departments;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("users", users.list(q));
        model.addAttribute("pendingRequests", requests.pending());
        addChoices(model);
        return "access/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam(required = false) String role,
                  @RequestParam String divisionCode, @RequestParam(required = false) String departmentCode,
                  @RequestParam(required = false) String phone, Model model, RedirectAttributes redirect) {
        try {
            RoleCode roleCode = role == null || role.isBlank() ? null : RoleCode.valueOf(role);
            var change = users.create(new NewUser(username, displayName, roleCode, divisionCode, departmentCode, phone));
            if (change.pending()) {
                redirect.addFlashAttribute("message", "账号 " + username + " 的创建申请已提交，待安全管理员批准；初始密码将交给批准人");
            } else {
                redirect.addFlashAttribute("message", "用户 " + username + " 已创建。初始密码不在此显示：由辖区区办在「账号交付」中领取（"
                        + handovers.validity().toHours() + " 小时内有效）并转交本人，首次登录须修改");
            }
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            model.addAttribute("form", new NewUser(username, displayName, null, divisionCode, departmentCode, phone));
            model.addAttribute("formRole", role);
            return list(null, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        var user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("pendingRequests", requests.pendingFor(user.username()));
        model.addAttribute("handovers", handovers.ofUser(id));
        model.addAttribute("now", java.time.Instant.now());
        addChoices(model);
        return "access/user";
    }

    @PostMapping("/{id}")
    String bind(@PathVariable long id, @RequestParam int version, @RequestParam String displayName,
                @RequestParam String divisionCode, @RequestParam(required = false) String departmentCode,
                @RequestParam(required = false) String phone, @RequestParam(required = false) String reason,
                Model model, RedirectAttributes redirect) {
        try {
            boolean pending = users.bind(id, version, displayName, divisionCode, departmentCode, phone, reason);
            redirect.addFlashAttribute("message", pending ? "管理员账号的变更已提交，待安全管理员批准后生效" : "已保存");
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return show(id, model);
        }
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @RequestParam(required = false) String reason,
                      Model model, RedirectAttributes redirect) {
        try {
            boolean pending = users.setEnabled(id, enabled, reason);
            redirect.addFlashAttribute("message", pending ? "管理员账号的" + (enabled ? "启用" : "停用") + "申请已提交，待安全管理员批准后生效"
                    : enabled ? "已启用" : "已停用，该用户的会话已全部结束");
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return show(id, model);
        }
    }

    @PostMapping("/{id}/password-reset")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                         RedirectAttributes redirect) {
        try {
            var change = users.resetPassword(id, reason);
            if (change.pending()) {
                redirect.addFlashAttribute("message", "密码重置申请已提交，待安全管理员批准；新密码将交给批准人，不向申请人显示");
            } else {
                redirect.addFlashAttribute("message", "已重置，原密码立即失效、会话已结束。新密码不在此显示：由辖区区办在「账号交付」中领取（"
                        + handovers.validity().toHours() + " 小时内有效）并转交本人，首次登录须修改");
            }
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return show(id, model);
        }
    }

    private void addChoices(Model model) {
        model.addAttribute("roles", Arrays.asList(RoleCode.values()));
        model.addAttribute("roleNames", users.roleNames());
        model.addAttribute("departments", departments.all());
    }

    @Bean
    static NavigationItem userAdminNavigation() {
        return new NavigationItem("系统管理", "用户管理", "/admin/users", 1000);
    }
}
