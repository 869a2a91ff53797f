package org.qingyuan.reporting.web;

import static org.qingyuan.access.Permission.BULLETIN_ISSUE;
import static org.qingyuan.access.Permission.REPORT_READ;
import static org.qingyuan.access.Permission.REPORT_RECEIVE;
import static org.qingyuan.access.Permission.REPORT_SUBMIT;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/**
 * Reporting's routes: every officer of a unit reads its submissions (the district all of them) and the bulletins; a
 * unit's officers submit its own; the district office receives, returns and issues the bulletins. The first matching
 * rule decides.
 */
@Component
class ReportingRoutes implements RouteRules {

    @Override
    public String module() {
        return "reporting";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("POST", "/reports/submissions/*/receive", REPORT_RECEIVE),
                RouteRule.of("POST", "/reports/submissions/*/return", REPORT_RECEIVE),
                RouteRule.of("POST", "/reports/submissions/**", REPORT_SUBMIT),
                RouteRule.of("GET", "/reports", REPORT_READ),
                RouteRule.of("GET", "/reports/**", REPORT_READ),
                RouteRule.of("GET", "/bulletins/new", BULLETIN_ISSUE),
                RouteRule.of("POST", "/bulletins", BULLETIN_ISSUE),
                RouteRule.of("POST", "/bulletins/preview", BULLETIN_ISSUE),
                RouteRule.of("GET", "/bulletins", REPORT_READ),
                RouteRule.of("GET", "/bulletins/**", REPORT_READ),
                RouteRule.of("POST", "/api/v1/reports/submissions/*/receive", REPORT_RECEIVE),
                RouteRule.of("POST", "/api/v1/reports/submissions/*/return", REPORT_RECEIVE),
                RouteRule.of("POST,PUT", "/api/v1/reports/submissions/**", REPORT_SUBMIT),
                RouteRule.of("GET", "/api/v1/reports/**", REPORT_READ),
                RouteRule.of("GET", "/api/v1/bulletins/draft", BULLETIN_ISSUE),
                RouteRule.of("POST", "/api/v1/bulletins", BULLETIN_ISSUE),
                RouteRule.of("GET", "/api/v1/bulletins", REPORT_READ),
                RouteRule.of("GET", "/api/v1/bulletins/**", REPORT_READ));
    }
}
