package org.qingyuan.complaint.web;

import static org.qingyuan.access.Permission.COMPLAINT_HANDLE;
import static org.qingyuan.access.Permission.COMPLAINT_MANAGE;
import static org.qingyuan.access.Permission.COMPLAINT_READ;
import static org.qingyuan.access.Permission.REPORTER_UNMASK;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/**
 * Complaints' routes. Public (no sign-in, declared here one by one): the report form, its challenge and the home district's outline for its map, tracking and
 * rating, the public results, a closed-out site's notice and its "producing again" form, and the Open311 GeoReport v2
 * API. Officers: the jurisdiction reads; the district office and towns handle; the district office triages, replies,
 * imports, rewards and publishes; only holders of REPORTER_UNMASK see a reporter in full.
 */
@Component
class ComplaintRoutes implements RouteRules {

    @Override
    public String module() {
        return "complaint";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.open("/report"),
                RouteRule.open("/report/challenge"),
                RouteRule.open("/report/outline.json"),
                RouteRule.open("/track"),
                RouteRule.open("/track/rating"),
                RouteRule.open("/public/results"),
                RouteRule.open("/public/sites/*"),
                RouteRule.open("/public/sites/*/qr.png"),
                RouteRule.open("/public/sites/*/rebound"),
                RouteRule.open("/open311/v2/services.json"),
                RouteRule.open("/open311/v2/requests.json"),
                RouteRule.open("/open311/v2/requests/*.json"),
                RouteRule.open("/open311/v2/discovery.json"),
                RouteRule.of("POST", "/complaints/*/reporter", REPORTER_UNMASK),
                RouteRule.of("POST", "/complaints/*/triage", COMPLAINT_MANAGE),
                RouteRule.of("POST", "/complaints/*/assignment", COMPLAINT_MANAGE),
                RouteRule.of("POST", "/complaints/*/reward", COMPLAINT_MANAGE),
                RouteRule.of("POST", "/complaints/*/reward/payment", COMPLAINT_MANAGE),
                RouteRule.of("GET", "/complaints/import", COMPLAINT_MANAGE),
                RouteRule.of("POST", "/complaints/import", COMPLAINT_MANAGE),
                RouteRule.of("POST", "/complaints/typical-cases", COMPLAINT_MANAGE),
                RouteRule.of("POST", "/complaints/typical-cases/*/withdrawal", COMPLAINT_MANAGE),
                RouteRule.of("GET", "/complaints/typical-cases", COMPLAINT_MANAGE),
                RouteRule.of("GET", "/complaints/new", COMPLAINT_HANDLE),
                RouteRule.of("POST", "/complaints", COMPLAINT_HANDLE),
                RouteRule.of("POST", "/complaints/*/verification", COMPLAINT_HANDLE),
                RouteRule.of("POST", "/complaints/*/founded", COMPLAINT_HANDLE),
                RouteRule.of("POST", "/complaints/*/unfounded", COMPLAINT_HANDLE),
                RouteRule.of("POST", "/complaints/*/reply", COMPLAINT_HANDLE),
                RouteRule.of("GET", "/complaints", COMPLAINT_READ),
                RouteRule.of("GET", "/complaints/**", COMPLAINT_READ),
                RouteRule.of("GET", "/api/v1/complaints", COMPLAINT_READ),
                RouteRule.of("GET", "/api/v1/complaints/**", COMPLAINT_READ));
    }
}
