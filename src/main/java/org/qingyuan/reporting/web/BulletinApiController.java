package org.qingyuan.reporting.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.reporting.Bulletin;
import org.qingyuan.reporting.BulletinDraft;
import org.qingyuan.reporting.BulletinKind;
import org.qingyuan.reporting.Bulletins;
import org.qingyuan.shared.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bulletins as JSON under {@code /api/v1/bulletins}: the published ones, the draft of a period
 * ({@code draft?kind=WEEKLY|MONTHLY&day=}), publishing ({@code POST {kind, day, problems, requirements}}) and each
 * one's .docx ({@code /{id}/file}).
 */
@RestController
@RequestMapping("/api/v1/bulletins")
class BulletinApiController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Bulletins bulletins;

    BulletinApiController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    record PublishJson(String kind, String day, String problems, String requirements) {
    }

    record DraftJson(String kind, String number, String period, String periodLabel, LocalDate start, LocalDate end, String title,
                     String issuer, boolean alreadyPublished, List<Map<String, Object>> ranking, List<String> lateReports) {
    }

    @GetMapping
    List<Bulletin> list() {
        return bulletins.list(CurrentUsers.require());
    }

    @GetMapping("/draft")
    DraftJson draft(@RequestParam Map<String, String> p) {
        BulletinDraft d = bulletins.draft(CurrentUsers.require(), kind(p.get("kind")), RequestValues.date("day", p.get("day")));
        return new DraftJson(d.kind().name(), d.issueNumber(), d.periodKey(), d.periodLabel(), d.periodStart(), d.periodEnd(),
                d.title(), d.issuer(), d.alreadyPublished(),
                d.ranking().stream().map(r -> Map.<String, Object>of("rank", r.rank(), "town", r.row().key(), "name", r.row().label(),
                        "total", r.row().total(), "found", r.row().found(), "closedOutInPeriod", r.row().closedOutInPeriod(),
                        "overdue", r.row().overdue(), "completionRate", r.row().completionRate() == null ? "" : r.row().completionRate()))
                        .toList(),
                d.overdueReports().stream().map(v -> v.submission().subject().unitName() + " " + v.submission().subject().dutyTitle()
                        + "（" + v.submission().subject().periodLabel() + "）").toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Bulletin publish(@RequestBody PublishJson body) {
        return bulletins.publish(CurrentUsers.require(), kind(body.kind()), RequestValues.date("day", body.day()), body.problems(),
                body.requirements());
    }

    @GetMapping("/{id}")
    Bulletin get(@PathVariable long id) {
        return bulletins.get(CurrentUsers.require(), id);
    }

    @GetMapping("/{id}/file")
    void file(@PathVariable long id, HttpServletResponse response) throws IOException {
        Bulletin b = bulletins.get(CurrentUsers.require(), id);
        Downloads.send(b.fileName(), DOCX, bulletins.file(CurrentUsers.require(), id), response);
    }

    static BulletinKind kind(String raw) {
        BulletinKind k = RequestValues.enumOf(BulletinKind.class, "kind", raw);
        return k == null ? BulletinKind.WEEKLY : k;
    }
}
