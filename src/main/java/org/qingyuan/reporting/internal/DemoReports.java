package org.qingyuan.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.demo.DemoData;
import org.qingyuan.platform.Deployment;
import org.qingyuan.reporting.BulletinKind;
import org.qingyuan.reporting.Submission;
import org.qingyuan.reporting.SubmissionState;
import org.qingyuan.reporting.SubmissionView;
import org.qingyuan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once, after the demo ledger, its cases and their history: reporting in progress. For the last period
 * whose due date has passed most towns submitted on time and were received, one was returned and corrected, some were
 * late and some never reported (the first half on time, one returned and corrected, one late, the rest missing; a
 * report only the district makes was made late); in the current period some towns have already submitted; last
 * month's summary (月小结)
 * and last week's bulletin (周通报) are published. It lives here rather than in the demo module for the reason
 * {@code DemoCases} lives in rectification: the past submissions are made at past times, which the public commands
 * rightly refuse (they act now, as the signed-in user).
 */
@Component
@Order(50)
class DemoReports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    private static final String SUMMARY = """
            本期我镇（街道）组织网格员对辖区各村（社区）开展拉网式排查，新发现“散乱污”企业已全部登记入账。
            对关停取缔类企业落实“两断三清”，对整治规范类企业督促补办手续，逐一销号。
            下一步将加强回头看，严防已取缔企业死灰复燃。""";

    private final Deployment deployment;
    private final SubmissionService submissions;
    private final BulletinService bulletins;
    private final ReportCalendar calendar;
    private final JdbcClient jdbc;
    private final DemoData demo;
    private final Clock clock;

    DemoReports(Deployment deployment, SubmissionService submissions, BulletinService bulletins, ReportCalendar calendar,
                JdbcClient jdbc, DemoData demo, Clock clock) {
        this.deployment = deployment;
        this.submissions = submissions;
        this.bulletins = bulletins;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a database seeded before the data set had its name holds it already
        demo.once("reports", () -> {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM bulletin)").query(Boolean.class).single()) {
                build();
            }
        });
    }

    private void build() {
        LocalDate today = LocalDate.now(clock.withZone(Submission.CHINA_ZONE));
        submissions.openPeriods(today);
        DivisionCode district = deployment.homeDistrict();
        CurrentUser office = new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", district, null);
        int submitted = 0;
        for (ReportCalendar.Duty duty : calendar.duties()) {
            var current = calendar.periodContaining(duty.duty(), today);
            var previous = calendar.previous(duty.duty(), current);
            List<SubmissionView> past = towns(office, duty.duty().id(), previous.key());
            int n = past.size();
            int returned = n / 2;
            if (n == 1) {
                // one unit reports (区本级 to the city, as tianjin-market-2017 orders): it reported late last period
                Submission s = past.get(0).submission();
                submit(s, beforeNow(s.subject().due().plusDays(1).atTime(11, 0).atZone(Submission.CHINA_ZONE).toInstant()));
                submitted++;
                continue;
            }
            for (int i = 0; i < n; i++) {
                Submission s = past.get(i).submission();
                LocalDate due = s.subject().due();
                // the first half on time and received; the next one returned and corrected; then one late; the rest never
                if (i <= returned) {
                    Instant at = due.minusDays(1 + i % 3).atTime(15, 30).atZone(Submission.CHINA_ZONE).toInstant();
                    SubmissionView v = submit(s, at);
                    submitted++;
                    if (i == returned) {
                        SubmissionView back = submissions.returnWith(office, v.submission().id(), v.submission().version(),
                                "工作台账“完成情况”栏未注明完成日期，请补充后重新报送");
                        SubmissionView correction = submissions.correct(unitUser(s), back.submission().id(),
                                back.submission().version());
                        submit(correction.submission(), due.atTime(10, 0).atZone(Submission.CHINA_ZONE).toInstant());
                    } else {
                        submissions.receiveAt(office, v.submission().id(), v.submission().version(), at.plusSeconds(3 * 3600));
                    }
                } else if (i == returned + 1) {
                    submit(s, beforeNow(due.plusDays(2).atTime(11, 0).atZone(Submission.CHINA_ZONE).toInstant()));
                    submitted++;
                }
            }
            // the current period: a few towns have already reported, not the first (the demo account's, to try it)
            if (!today.isAfter(current.due()) && today.isAfter(current.start())) {
                List<SubmissionView> now = towns(office, duty.duty().id(), current.key());
                for (int i = 1; i < Math.min(4, now.size()); i++) {
                    submit(now.get(i).submission(), Instant.now(clock).minusSeconds(60L * (10 - i)));
                    submitted++;
                }
            }
        }
        bulletins.publish(office, BulletinKind.MONTHLY, today.minusMonths(1),
                "部分镇（街道）未按时报送工作台账；个别已取缔企业存在反弹迹象。",
                "各镇（街道）务必于每月报送日前报送台账及盖章件；对逾期未整治企业实行挂牌督办。");
        bulletins.publish(office, BulletinKind.WEEKLY, today.minusWeeks(1), "个别村（社区）排查不彻底。",
                "本周内完成对已销号企业的回头看。");
        log.info("演示数据 demo reports: {} submissions made, last month's summary and last week's bulletin published", submitted);
    }

    /** The instant, or an hour ago when it is not yet past. */
    private Instant beforeNow(Instant at) {
        Instant latest = Instant.now(clock).minusSeconds(3600);
        return at.isAfter(latest) ? latest : at;
    }

    /** The towns' current submissions of a report's period, by town; the reporting units' when no town reports it. */
    private List<SubmissionView> towns(CurrentUser office, String duty, String period) {
        List<SubmissionView> all = submissions.list(office, period, duty);
        boolean byTowns = all.stream().anyMatch(v -> v.submission().subject().unitKind().equals("TOWN"));
        List<SubmissionView> list = new ArrayList<>(all.stream()
                .filter(v -> !byTowns || v.submission().subject().unitKind().equals("TOWN")).toList());
        list.sort(Comparator.comparing(v -> v.submission().subject().unitKey()));
        return list;
    }

    private SubmissionView submit(Submission s, Instant at) {
        CurrentUser user = unitUser(s);
        SubmissionView v = submissions.prepareAt(user, s.id(), s.version(), at.minusSeconds(1800));
        if (v.submission().subject().requires("WRITTEN_SUMMARY")) {
            v = submissions.writeSummary(user, s.id(), v.submission().version(), SUMMARY);
        }
        if (v.submission().subject().requires("SEALED_SCAN")) {
            v = submissions.attachScan(user, s.id(), v.submission().version(), "盖章件.pdf", scan(s));
        }
        if (v.submission().state() != SubmissionState.PREPARED) {
            return v;
        }
        return submissions.submitAt(user, s.id(), v.submission().version(), at);
    }

    private static CurrentUser unitUser(Submission s) {
        boolean district = s.subject().unitKind().equals("DISTRICT");
        return new CurrentUser(0, district ? "district" : "town", s.subject().unitName() + "联络员",
                district ? "DISTRICT_OFFICE" : "TOWN_OFFICER", district ? "区办" : "镇街", DivisionCode.of(s.subject().unitKey()), null);
    }

    /** A one-page PDF standing for the sealed scan. */
    private static byte[] scan(Submission s) {
        String text = "(" + s.subject().periodKey() + " " + s.subject().unitKey() + ") Tj";
        String content = "BT /F1 18 Tf 72 720 Td " + text + " ET";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                + "4 0 obj<</Length " + content.length() + ">>stream\n" + content + "\nendstream endobj\n"
                + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
