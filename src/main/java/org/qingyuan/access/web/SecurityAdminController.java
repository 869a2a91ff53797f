package org.qingyuan.access.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.LoginPolicy;
import org.qingyuan.access.Permission;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.internal.LoginPolicies;
import org.qingyuan.access.internal.RoleAdministration;
import org.qingyuan.access.internal.SeparationOfDutiesException;
import org.qingyuan.access.internal.UserAdministration;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security admin's pages: role permissions, locked accounts, login policy values. */
@Controller
@RequestMapping("/security")
class SecurityAdminController {

    private final RoleAdministration roles;
    private final UserAdministration users;
    private final LoginPolicies policies;
    private final AuditTrail audit;

    SecurityAdminController(RoleAdministration roles, UserAdministration users, LoginPolicies policies, AuditTrail audit) {
        this.roles = roles;
        this.users = users;
        this.policies = policies;
        this.audit = audit;
    }

    @GetMapping("/roles")
    String roles(Model model) {
        model.addAttribute("roles", roles.roles());
        model.addAttribute("grants", roles.grants());
        model.addAttribute("permissions", Arrays.asList(Permission.values()));
        model.addAttribute("ownRole", CurrentUsers.require().role());
        return "access/roles";
    }

    @PostMapping("/roles/{role}")
    String setPermissions(@PathVariable RoleCode role, @RequestParam(required = false) List<Permission> permissions,
                          @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        try {
            Set<Permission> wanted = EnumSet.noneOf(Permission.class);
            if (permissions != null) {
                wanted.addAll(permissions);
            }
            roles.setPermissions(CurrentUsers.require(), role, wanted, reason);
            redirect.addFlashAttribute("message", "已更新角色权限");
            return "redirect:/security/roles";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return roles(model);
        } catch (SeparationOfDutiesException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", e.getMessage());
            return roles(model);
        }
    }

    @GetMapping("/locks")
    String locks(Model model) {
        model.addAttribute("locked", users.locked());
        return "access/locks";
    }

    @PostMapping("/locks/{id}/unlock")
    String unlock(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            users.unlock(id, reason);
            redirect.addFlashAttribute("message", "已解锁");
            return "redirect:/security/locks";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return locks(model);
        }
    }

    @GetMapping("/policy")
    String policy(Model model) {
        model.addAttribute("policy", policies.current());
        model.addAttribute("roles", Arrays.asList(RoleCode.values()));
        return "access/policy";
    }

    @PostMapping("/policy")
    @Transactional
    String savePolicy(@RequestParam int minLength, @RequestParam int minClasses, @RequestParam int maxFailures,
                      @RequestParam int lockMinutes, @RequestParam int idleTimeoutMinutes, @RequestParam int absoluteTimeoutHours,
                      @RequestParam int passwordMaxAgeDays, @RequestParam(required = false) List<RoleCode> totpRoles,
                      @RequestParam(required = false) Integer addressMaxFailures,
                      @RequestParam(required = false) Integer addressWindowMinutes,
                      @RequestParam int version, @RequestParam(required = false) String reason, Model model,
                      RedirectAttributes redirect) {
        try {
            check(minLength >= 8 && minLength <= 64, "minLength", "密码最短长度应在 8–64 之间");
            check(minClasses >= 1 && minClasses <= 4, "minClasses", "字符类别数应在 1–4 之间");
            check(maxFailures >= 3 && maxFailures <= 20, "maxFailures", "连续失败次数应在 3–20 之间");
            check(lockMinutes >= 1 && lockMinutes <= 1440, "lockMinutes", "锁定时长应在 1–1440 分钟之间");
            check(idleTimeoutMinutes >= 5 && idleTimeoutMinutes <= 480, "idleTimeoutMinutes", "空闲超时应在 5–480 分钟之间");
            check(absoluteTimeoutHours >= 1 && absoluteTimeoutHours <= 72, "absoluteTimeoutHours", "会话最长时限应在 1–72 小时之间");
            check(passwordMaxAgeDays >= 0 && passwordMaxAgeDays <= 3650, "passwordMaxAgeDays", "密码有效期应在 0–3650 天之间");
            var current = policies.current();
            int addressMax = addressMaxFailures == null ? current.addressMaxFailures() : addressMaxFailures;
            int addressWindow = addressWindowMinutes == null ? current.addressWindowMinutes() : addressWindowMinutes;
            check(addressMax >= 5 && addressMax <= 1000, "addressMaxFailures", "同一地址失败次数上限应在 5–1000 之间");
            check(addressWindow >= 1 && addressWindow <= 1440, "addressWindowMinutes", "同一地址计数时段应在 1–1440 分钟之间");
            check(reason != null && !reason.isBlank(), "reason", "请填写调整理由");
            Set<RoleCode> totp = EnumSet.noneOf(RoleCode.class);
            if (totpRoles != null) {
                totp.addAll(totpRoles);
            }
            var next = new LoginPolicy(minLength, minClasses, maxFailures, lockMinutes, idleTimeoutMinutes,
                    absoluteTimeoutHours, passwordMaxAgeDays, totp, addressMax, addressWindow, version);
            var before = policies.current();
            policies.update(next);
            audit.record(new AuditEvent("LOGIN_POLICY_CHANGED", "LoginPolicy", "1", reason,
                    java.util.Map.of("before", before.toString(), "after", next.toString())));
            redirect.addFlashAttribute("message", "安全策略已保存");
            return "redirect:/security/policy";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return policy(model);
        }
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidInputException(field, message);
        }
    }

    @Bean
    static NavigationItem roleNavigation() {
        return new NavigationItem("安全管理", "角色权限", "/security/roles", 1100);
    }

    @Bean
    static NavigationItem lockNavigation() {
        return new NavigationItem("安全管理", "账号解锁", "/security/locks", 1110);
    }

    @Bean
    static NavigationItem loginPolicyNavigation() {
        return new NavigationItem("安全管理", "安全策略", "/security/policy", 1120);
    }
}
