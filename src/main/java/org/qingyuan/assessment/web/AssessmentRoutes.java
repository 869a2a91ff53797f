package org.qingyuan.assessment.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/**
 * The assessment's routes: the jurisdiction reads its quarters and records (and anyone who reads may recompute a
 * frozen ranking); the district office freezes and publishes; the office and supervisors keep accountability records.
 */
@Component
class AssessmentRoutes implements RouteRules {

    @Override
    public String module() {
        return "assessment";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("POST", "/assessment/accountability", ACCOUNTABILITY_RECORD),
                RouteRule.of("POST", "/assessment/*/*/freeze", ASSESSMENT_MANAGE),
                RouteRule.of("POST", "/assessment/*/*/publish", ASSESSMENT_MANAGE),
                RouteRule.of("POST", "/assessment/*/*/recompute", ASSESSMENT_READ),
                RouteRule.of("GET", "/assessment", ASSESSMENT_READ),
                RouteRule.of("GET", "/assessment/**", ASSESSMENT_READ),
                RouteRule.of("POST", "/api/v1/assessment/accountability", ACCOUNTABILITY_RECORD),
                RouteRule.of("POST", "/api/v1/assessment/accountability/*/document", ACCOUNTABILITY_RECORD),
                RouteRule.of("POST", "/api/v1/assessment/quarters/*/*/freeze", ASSESSMENT_MANAGE),
                RouteRule.of("POST", "/api/v1/assessment/quarters/*/*/publish", ASSESSMENT_MANAGE),
                RouteRule.of("POST", "/api/v1/assessment/quarters/*/*/recompute", ASSESSMENT_READ),
                RouteRule.of("GET", "/api/v1/assessment/**", ASSESSMENT_READ));
    }
}
