package org.qingyuan.gatekeeping.web;

import java.net.URI;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.gatekeeping.Gatekeeping;
import org.qingyuan.gatekeeping.LookupAnswer;
import org.qingyuan.gatekeeping.LookupQuery;
import org.qingyuan.gatekeeping.RedLineArea;
import org.qingyuan.gatekeeping.internal.ConnectionScreening;
import org.qingyuan.gatekeeping.internal.LookupRateLimiter;
import org.qingyuan.gatekeeping.internal.ReadingsCsv;
import org.qingyuan.gatekeeping.internal.RedLines;
import org.qingyuan.gatekeeping.internal.UtilitySignals;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gatekeeping API: {@code GET /api/v1/gatekeeping/lookup} for approval bodies (API tokens with GATEKEEPING),
 * {@code POST /api/v1/gatekeeping/connections} for utilities, and the red-line areas under {@code /api/v1/red-lines}.
 * Lookups and screenings are rate limited per token (429 with Retry-After).
 */
@RestController
class GatekeepingApiController {

    private final Gatekeeping gatekeeping;
    private final ConnectionScreening screening;
    private final RedLines redLines;
    private final LookupRateLimiter limiter;
    private final UtilitySignals signals;
    private final ReadingsCsv readingsCsv;

    GatekeepingApiController(Gatekeeping gatekeeping, ConnectionScreening screening, RedLines redLines,
                             LookupRateLimiter limiter, UtilitySignals signals, ReadingsCsv readingsCsv) {
        this.signals = signals;
        this.readingsCsv = readingsCsv;
        this.gatekeeping = gatekeeping;
        this.screening = screening;
        this.redLines = redLines;
        this.limiter = limiter;
    }

    @GetMapping("/api/v1/gatekeeping/lookup")
    ResponseEntity<?> lookup(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                             @RequestParam(required = false) String address, @RequestParam(required = false) Double lat,
                             @RequestParam(required = false) Double lon, @RequestParam(required = false) Double radius) {
        CurrentUser user = CurrentUsers.require();
        if (!limiter.tryAcquire(user.id())) {
            return tooMany("/api/v1/gatekeeping/lookup");
        }
        LookupAnswer answer = gatekeeping.lookup(new LookupQuery(creditCode, name, address, lat, lon, radius), user);
        return ResponseEntity.ok(answer);
    }

    @PostMapping("/api/v1/gatekeeping/connections")
    ResponseEntity<?> connection(@RequestBody ConnectionScreening.Request request) {
        CurrentUser user = CurrentUsers.require();
        if (!limiter.tryAcquire(user.id())) {
            return tooMany("/api/v1/gatekeeping/connections");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(screening.screen(request, user));
    }

    /** A batch of consumption readings from a utility. */
    record ReadingsJson(String utility, List<UtilitySignals.Reading> readings) {
    }

    /** The same readings as a CSV file (户号,日期,读数), all or nothing with row-level errors. */
    @PostMapping(path = "/api/v1/gatekeeping/readings", consumes = "text/csv")
    UtilitySignals.Result readingsCsv(@RequestParam(required = false) String utility, @RequestBody String csv) {
        return readingsCsv.receive(utility, csv, CurrentUsers.require());
    }

    @PostMapping(path = "/api/v1/gatekeeping/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    UtilitySignals.Result readings(@RequestBody ReadingsJson body) {
        return signals.receive(body.utility(), body.readings(), CurrentUsers.require());
    }

    @GetMapping("/api/v1/red-lines")
    List<RedLineArea> redLines() {
        return redLines.list(CurrentUsers.require());
    }

    @GetMapping("/api/v1/red-lines/{id}")
    RedLineArea redLine(@PathVariable long id) {
        return redLines.get(id, CurrentUsers.require());
    }

    @PostMapping("/api/v1/red-lines")
    @ResponseStatus(HttpStatus.CREATED)
    RedLineArea createRedLine(@RequestBody RedLines.Form form) {
        return redLines.create(form, CurrentUsers.require());
    }

    /** The form with the version it starts from. */
    record VersionedForm(Integer version, String name, List<String> divisionCodes, String boundary,
                         List<String> bannedIndustries, String documentTitle, String documentNumber, String legalBasis,
                         Boolean active, String reason) {
    }

    @PutMapping("/api/v1/red-lines/{id}")
    RedLineArea updateRedLine(@PathVariable long id, @RequestBody VersionedForm f) {
        return redLines.update(id, f.version(), new RedLines.Form(f.name(), f.divisionCodes(), f.boundary(),
                f.bannedIndustries(), f.documentTitle(), f.documentNumber(), f.legalBasis(), f.active()), f.reason(), null,
                CurrentUsers.require());
    }

    private ResponseEntity<ProblemDetail> tooMany(String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "查询过于频繁，已超过本令牌的限额，请稍后再试");
        problem.setTitle("请求过多");
        problem.setInstance(URI.create(path));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", String.valueOf(limiter.retryAfterSeconds())).body(problem);
    }
}
