package org.qingyuan.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.internal.AccountDetails.PendingStep;
import org.qingyuan.access.internal.AccountSecurity;
import org.qingyuan.access.internal.PrincipalUpdate;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own account: change the password, enrol in or pass the second factor. */
@Controller
@RequestMapping("/account")
class AccountController {

    private static final String ENROLLING = AccountController.class.getName() + ".enrollingSecret";

    private final AccountSecurity security;

    AccountController(AccountSecurity security) {
        this.security = security;
    }

    @GetMapping("/password")
    String passwordForm() {
        return "access/password";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
        try {
            PendingStep next = security.changePassword(CurrentUsers.require(), currentPassword, newPassword, confirmPassword);
            PrincipalUpdate.completeStep(next, request, response);
            return next == PendingStep.NONE ? "redirect:/?passwordChanged" : "redirect:/account/second-factor";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return "access/password";
        }
    }

    @GetMapping("/second-factor")
    String secondFactorForm(HttpSession session, Model model) {
        var user = CurrentUsers.require();
        if (security.totpSecret(user) == null) {
            String secret = (String) session.getAttribute(ENROLLING);
            if (secret == null) {
                secret = security.newTotpSecret();
                session.setAttribute(ENROLLING, secret);
            }
            model.addAttribute("secret", secret);
            model.addAttribute("uri", security.otpauthUri(user, secret));
        }
        return "access/second-factor";
    }

    @PostMapping("/second-factor")
    String verifySecondFactor(@RequestParam String code, HttpSession session, HttpServletRequest request,
                              HttpServletResponse response, Model model) {
        try {
            security.verifySecondFactor(CurrentUsers.require(), (String) session.getAttribute(ENROLLING), code);
            session.removeAttribute(ENROLLING);
            PrincipalUpdate.completeStep(PendingStep.NONE, request, response);
            return "redirect:/";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return secondFactorForm(session, model);
        }
    }
}
