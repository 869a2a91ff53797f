package org.qingyuan.access.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.GridMemberships;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Narrows a grid member's scope to his grids for this request ({@link CurrentUsers#current()}), read afresh on every
 * request so that a change of membership applies at once, not at his next sign-in.
 */
@Component
class GridScopeFilter extends OncePerRequestFilter {

    private final ObjectProvider<GridMemberships> memberships;

    GridScopeFilter(ObjectProvider<GridMemberships> memberships) {
        this.memberships = memberships;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountDetails account
                && RoleCode.GRID_MEMBER.name().equals(account.user().roleCode())) {
            Set<Long> grids = new java.util.HashSet<>();
            memberships.orderedStream().forEach(m -> grids.addAll(m.gridsOf(account.user().username())));
            request.setAttribute(CurrentUsers.NARROWED, account.user().withGrids(grids));
        }
        chain.doFilter(request, response);
    }
}
