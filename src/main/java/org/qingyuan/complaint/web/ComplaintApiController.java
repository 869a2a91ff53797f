package org.qingyuan.complaint.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.ComplaintState;
import org.qingyuan.complaint.internal.ComplaintHandling;
import org.qingyuan.shared.Page;
import org.qingyuan.shared.RequestValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The complaints of the jurisdiction as JSON. The reporter is never part of it (not even masked): only whether one is kept. */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintApiController {

    /** A complaint without its reporter. */
    record ComplaintJson(long id, String trackingCode, String channel, String externalRef, String serviceCode, String description,
                         String address, Double longitude, Double latitude, String divisionCode, String state, String stateLabel,
                         Boolean founded, LocalDate deadline, boolean overdue, Instant receivedAt, Long enterpriseId, Long leadId,
                         Long caseId, String unfoundedReason, String reply, Instant repliedAt, Integer rating, boolean contactKept,
                         int version) {

        static ComplaintJson of(Complaint c, LocalDate today) {
            return new ComplaintJson(c.id(), c.trackingCode(), c.channel().name(), c.externalRef(), c.service().code(), c.description(),
                    c.address(), c.longitude(), c.latitude(), c.divisionCode(), c.state().name(), c.state().label(), c.founded(),
                    c.deadline(), c.overdue(today), c.receivedAt(), c.enterpriseId(), c.leadId(), c.caseId(), c.unfoundedReason(),
                    c.reply(), c.repliedAt(), c.rating(), c.hasContact(), c.version());
        }
    }

    private final ComplaintHandling handling;

    ComplaintApiController(ComplaintHandling handling) {
        this.handling = handling;
    }

    @GetMapping
    Page<ComplaintJson> list(@RequestParam(required = false) String state, @RequestParam(required = false) String overdue,
                             @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        CurrentUser user = CurrentUsers.require();
        ComplaintState s = RequestValues.enumOf(ComplaintState.class, "state", state);
        boolean late = Boolean.TRUE.equals(RequestValues.bool("overdue", overdue));
        int p = RequestValues.nonNegative("page", page, 0);
        int n = Math.min(200, Math.max(1, RequestValues.nonNegative("size", size, 50)));
        LocalDate today = handling.today();
        List<ComplaintJson> items = handling.list(user.scope(), s, late, n, p * n).stream().map(c -> ComplaintJson.of(c, today)).toList();
        return new Page<>(items, p, n, handling.count(user.scope(), s, late));
    }

    @GetMapping("/{id}")
    ComplaintJson one(@PathVariable long id) {
        return ComplaintJson.of(handling.get(id, CurrentUsers.require().scope()), handling.today());
    }
}
