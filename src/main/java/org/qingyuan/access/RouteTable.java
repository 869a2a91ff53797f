package org.qingyuan.access;

import static org.qingyuan.access.Permission.ACCOUNT_UNLOCK;
import static org.qingyuan.access.Permission.ADMIN_ACCOUNT_APPROVE;
import static org.qingyuan.access.Permission.AUDIT_READ;
import static org.qingyuan.access.Permission.CASE_ACCEPT;
import static org.qingyuan.access.Permission.CASE_CLOSE_OUT;
import static org.qingyuan.access.Permission.CASE_EDIT;
import static org.qingyuan.access.Permission.CASE_READ;
import static org.qingyuan.access.Permission.CONFIG_MANAGE;
import static org.qingyuan.access.Permission.CREDENTIAL_COLLECT;
import static org.qingyuan.access.Permission.POLICY_MANAGE;
import static org.qingyuan.access.Permission.POLICY_READ;
import static org.qingyuan.access.Permission.LEDGER_EDIT;
import static org.qingyuan.access.Permission.LEDGER_EXPORT;
import static org.qingyuan.access.Permission.LEDGER_IMPORT;
import static org.qingyuan.access.Permission.LEDGER_READ;
import static org.qingyuan.access.Permission.REGION_READ;
import static org.qingyuan.access.Permission.ROLE_MANAGE;
import static org.qingyuan.access.Permission.SECURITY_POLICY_MANAGE;
import static org.qingyuan.access.Permission.TOKEN_MANAGE;
import static org.qingyuan.access.Permission.TOKEN_REQUEST;
import static org.qingyuan.access.Permission.USER_MANAGE;

import java.util.List;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The permission table: every route of the platform and what it needs, first match wins.
 * A route missing here is refused to everyone, and {@code RoutePermissionTests} fails the build.
 */
public final class RouteTable {

    /** In order: the first route whose method and pattern match decides. */
    public static final List<Route> ROUTES = List.of(
            Route.open("/login"),
            Route.open("/css/**"),
            Route.open("/js/**"),
            Route.open("/img/**"),
            Route.open("/webjars/**"),
            Route.open("/favicon.ico"),
            Route.open("/error"),
            Route.open("/actuator/health"),
            Route.open("/actuator/health/**"),
            Route.open("/actuator/info"),

            Route.signedIn("GET", "/"),
            Route.signedIn("POST", "/logout"),
            Route.signedIn("GET,POST", "/account/**"),
            Route.signedIn("GET,POST", "/inbox/**"),
            Route.signedIn("GET", "/inbox"),
            Route.signedIn("GET", "/api/v1/inbox"),
            Route.signedIn("GET", "/v3/api-docs/**"),
            Route.signedIn("GET", "/v3/api-docs"),
            Route.signedIn("GET", "/v3/api-docs.yaml"),
            Route.signedIn("GET", "/swagger-ui/**"),
            Route.signedIn("GET", "/swagger-ui.html"),

            Route.of("GET", "/regions/**", REGION_READ),
            Route.of("GET", "/regions", REGION_READ),
            Route.of("GET", "/api/v1/regions/**", REGION_READ),
            Route.of("GET", "/api/v1/regions", REGION_READ),

            // classification: the notice date is the ledger's; zone and 一企一策 belong to those who manage the plan
            Route.of("POST", "/enterprises/*/classification/notice-date", LEDGER_EDIT),
            Route.of("POST", "/enterprises/*/classification/**", POLICY_MANAGE),
            Route.of("PUT", "/api/v1/enterprises/*/classification/notice-date", LEDGER_EDIT),
            Route.of("PUT,DELETE", "/api/v1/enterprises/*/classification/**", POLICY_MANAGE),
            Route.of("GET", "/enterprises/new", LEDGER_EDIT),
            Route.of("GET", "/enterprises/*/edit", LEDGER_EDIT),
            Route.of("GET", "/enterprises/**", LEDGER_READ),
            Route.of("GET", "/enterprises", LEDGER_READ),
            Route.of("POST", "/enterprises/**", LEDGER_EDIT),
            Route.of("POST", "/enterprises", LEDGER_EDIT),
            Route.of("GET", "/api/v1/enterprises/**", LEDGER_READ),
            Route.of("GET", "/api/v1/enterprises", LEDGER_READ),
            Route.of("POST,PATCH", "/api/v1/enterprises/**", LEDGER_EDIT),
            Route.of("POST", "/api/v1/enterprises", LEDGER_EDIT),
            Route.of("GET", "/api/v1/attachments/**", LEDGER_READ),
            // sheets: Excel import and export
            Route.of("GET", "/imports/**", LEDGER_IMPORT),
            Route.of("GET", "/imports", LEDGER_IMPORT),
            Route.of("POST", "/imports", LEDGER_IMPORT),
            Route.of("POST", "/api/v1/imports", LEDGER_IMPORT),
            Route.of("GET", "/api/v1/imports/**", LEDGER_IMPORT),
            Route.of("GET", "/api/v1/imports", LEDGER_IMPORT),
            Route.of("GET", "/exports", LEDGER_EXPORT),
            Route.of("GET", "/api/v1/exports/**", LEDGER_EXPORT),

            Route.of("GET", "/policies", POLICY_READ),
            Route.of("GET", "/policies/**", POLICY_READ),
            Route.of("POST", "/policies/*/try", POLICY_READ),
            Route.of("POST", "/policies", POLICY_MANAGE),
            Route.of("POST", "/policies/**", POLICY_MANAGE),
            Route.of("GET", "/api/v1/policies", POLICY_READ),
            Route.of("GET", "/api/v1/policies/**", POLICY_READ),
            Route.of("POST", "/api/v1/policies/*/evaluations", POLICY_READ),
            Route.of("POST,PUT", "/api/v1/policies", POLICY_MANAGE),
            Route.of("POST,PUT", "/api/v1/policies/**", POLICY_MANAGE),
            Route.signedIn("GET", "/calendar"),
            Route.signedIn("GET", "/calendar/**"),
            Route.signedIn("GET", "/api/v1/calendar/**"),
            Route.of("POST", "/calendar/**", CONFIG_MANAGE),
            Route.of("POST", "/api/v1/calendar/**", CONFIG_MANAGE),

            // rectification cases: acceptance by CASE_ACCEPT; close-out, reopening and deadlines by the town (CASE_CLOSE_OUT)
            Route.of("GET", "/board", CASE_READ),
            Route.of("GET", "/cases", CASE_READ),
            Route.of("GET", "/cases/**", CASE_READ),
            Route.of("POST", "/cases/*/accept", CASE_ACCEPT),
            Route.of("POST", "/cases/*/reject", CASE_ACCEPT),
            Route.of("POST", "/cases/*/close-out", CASE_CLOSE_OUT),
            Route.of("POST", "/cases/*/reopen", CASE_CLOSE_OUT),
            Route.of("POST", "/cases/*/deadline", CASE_CLOSE_OUT),
            // a town's 整治要求 that differs from the measure is settled by the district (as 一企一策 is)
            Route.of("POST", "/cases/*/town-requirement", POLICY_MANAGE),
            Route.of("POST", "/cases/**", CASE_EDIT),
            Route.of("GET", "/api/v1/cases", CASE_READ),
            Route.of("GET", "/api/v1/cases/**", CASE_READ),
            Route.of("POST", "/api/v1/cases/*/accept", CASE_ACCEPT),
            Route.of("POST", "/api/v1/cases/*/reject", CASE_ACCEPT),
            Route.of("POST", "/api/v1/cases/*/close-out", CASE_CLOSE_OUT),
            Route.of("POST", "/api/v1/cases/*/reopen", CASE_CLOSE_OUT),
            Route.of("POST", "/api/v1/cases/*/deadline", CASE_CLOSE_OUT),
            Route.of("POST", "/api/v1/cases/*/town-requirement", POLICY_MANAGE),
            Route.of("POST", "/api/v1/cases/**", CASE_EDIT),

            Route.of("GET", "/audit/**", AUDIT_READ),
            Route.of("GET", "/audit", AUDIT_READ),
            Route.of("GET", "/api/v1/audit/**", AUDIT_READ),

            Route.of("*", "/admin/users/**", USER_MANAGE),
            Route.of("*", "/admin/users", USER_MANAGE),
            Route.of("GET,POST", "/accounts/handovers/**", CREDENTIAL_COLLECT),
            Route.of("GET", "/accounts/handovers", CREDENTIAL_COLLECT),
            Route.of("GET,POST", "/tokens/requests/**", TOKEN_REQUEST),
            Route.of("GET,POST", "/tokens/requests", TOKEN_REQUEST),
            Route.of("*", "/admin/tokens/**", TOKEN_MANAGE),
            Route.of("*", "/admin/tokens", TOKEN_MANAGE),

            Route.of("*", "/security/roles/**", ROLE_MANAGE),
            Route.of("*", "/security/roles", ROLE_MANAGE),
            Route.of("*", "/security/locks/**", ACCOUNT_UNLOCK),
            Route.of("*", "/security/locks", ACCOUNT_UNLOCK),
            Route.of("*", "/security/account-requests/**", ADMIN_ACCOUNT_APPROVE),
            Route.of("*", "/security/account-requests", ADMIN_ACCOUNT_APPROVE),
            Route.of("*", "/security/policy/**", SECURITY_POLICY_MANAGE),
            Route.of("*", "/security/policy", SECURITY_POLICY_MANAGE));

    private static final List<Compiled> COMPILED = ROUTES.stream()
            .map(r -> new Compiled(r, PathPatternParser.defaultInstance.parse(r.pattern()))).toList();

    private RouteTable() {
    }

    /** The route that decides a request, if any. */
    public static Optional<Route> find(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return COMPILED.stream()
                .filter(c -> c.route.allowsMethod(method) && c.pattern.matches(container))
                .map(Compiled::route).findFirst();
    }

    private record Compiled(Route route, PathPattern pattern) {
    }
}
