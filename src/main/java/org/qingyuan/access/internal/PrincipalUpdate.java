package org.qingyuan.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Replaces the signed-in principal once a pending step is done, and saves it in the session. */
public final class PrincipalUpdate {

    private static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private PrincipalUpdate() {
    }

    public static void completeStep(AccountDetails.PendingStep next, HttpServletRequest request, HttpServletResponse response) {
        var current = (AccountDetails) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        var updated = current.withPendingStep(next);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        REPOSITORY.saveContext(context, request, response);
    }
}
