package org.qingyuan.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.reporting.BulletinDraft;
import org.qingyuan.reporting.SubmissionView;
import org.qingyuan.shared.ChineseDates;
import org.qingyuan.shared.OfficialDocx;
import org.qingyuan.statistics.TallyRow;

/**
 * A bulletin in the usual shape of a government bulletin: the red masthead, the issue number 〔2026〕第N期, the issuing
 * office and date, then 一、总体情况, 二、各镇（街道）进展 (ranked by completion rate), 三、报送情况 (late and missing
 * submissions), 四、存在问题 and 五、下步要求 (the office's text).
 */
final class BulletinDocument {

    private BulletinDocument() {
    }

    static byte[] write(BulletinDraft d, String problems, String requirements, LocalDate issuedOn) {
        TallyRow t = d.tally().total();
        OfficialDocx doc = new OfficialDocx().masthead("“散乱污”企业综合整治工作" + d.kind().label())
                .centered(d.issueNumber(), 16)
                .centered(d.issuer() + "　　　　" + ChineseDates.of(issuedOn), 14)
                .title(d.title() + "（" + d.periodLabel() + "）");
        doc.heading("一、总体情况");
        doc.body("截至" + ChineseDates.of(d.tally().asOf()) + "，全区台账在册“散乱污”企业" + t.total() + "家，其中应整治" + t.toRectify()
                + "家，已销号" + t.closedOut() + "家，完成率" + rate(t) + "。本期（" + ChineseDates.of(d.periodStart()) + "至"
                + ChineseDates.of(d.tally().asOf()) + "）新发现" + t.found() + "家，销号" + t.closedOutInPeriod() + "家，反弹（重新打开）"
                + t.reopened() + "家；逾期未完成整治" + t.overdue() + "家。");
        doc.heading("二、各镇（街道）进展");
        List<List<String>> rows = new ArrayList<>();
        for (BulletinDraft.Ranked r : d.ranking()) {
            TallyRow row = r.row();
            rows.add(List.of(Integer.toString(r.rank()), row.label(), Integer.toString(row.total()), Integer.toString(row.found()),
                    Integer.toString(row.closedOutInPeriod()), Integer.toString(row.overdue()), rate(row)));
        }
        doc.table(List.of("排名", "镇（街道）", "台账企业", "本期发现", "本期销号", "逾期未完成", "完成率"), rows);
        doc.heading("三、报送情况");
        if (d.overdueReports().isEmpty()) {
            doc.body("本期应报送的报表均已按时报送。");
        } else {
            List<List<String>> late = new ArrayList<>();
            for (SubmissionView v : d.overdueReports()) {
                var j = v.submission().subject();
                late.add(List.of(j.unitName(), j.dutyTitle() + "（" + j.periodLabel() + "）", j.due().toString(),
                        v.submission().submittedOn() == null ? "未报送" : "逾期报送（" + v.submission().submittedOn() + "）"));
            }
            doc.body("以下单位未按时报送，予以通报：");
            doc.table(List.of("单位", "报表", "应报日期", "情况"), late);
        }
        doc.heading("四、存在问题");
        doc.body(problems == null || problems.isBlank() ? "（无）" : problems);
        doc.heading("五、下步要求");
        doc.body(requirements == null || requirements.isBlank() ? "（无）" : requirements);
        return doc.signature(d.issuer(), issuedOn).bytes();
    }

    private static String rate(TallyRow r) {
        return r.completionRate() == null ? "—" : r.completionRate().toPlainString() + "%";
    }

}
