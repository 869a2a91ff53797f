package org.qingyuan.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.assessment.AccountabilityRecord;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.assessment.Quarter;
import org.qingyuan.assessment.Ranking;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.shared.ChineseDates;
import org.qingyuan.shared.OfficialDocx;

/**
 * The quarter's ranking bulletin (一季一排名、一季一通报, 004 六(二)) in the shape of a government 通报: the masthead, the
 * office and date, 一、考核办法 (the scheme: indicators, weights, directions, the redistribution of weights without data),
 * 二、排名 (score and rank of every town), 三、各项指标 (each town's values with their basis), 四、问责与表彰 (the quarter's
 * records), and the inputs' SM3 digest by which anyone can recompute the ranking.
 */
final class AssessmentBulletin {

    private AssessmentBulletin() {
    }

    static byte[] write(Quarter q, String office, List<AccountabilityRecord> records, LocalDate issuedOn) {
        Ranking r = q.ranking();
        AssessmentScheme scheme = q.scheme();
        OfficialDocx doc = new OfficialDocx().masthead("“散乱污”企业综合整治工作通报")
                .centered(q.key().label() + "考核排名", 16)
                .centered(office + "　　　　" + ChineseDates.of(issuedOn), 14)
                .title("关于" + q.key().label() + "各镇（街道）“散乱污”企业整治工作考核排名情况的通报");
        doc.body("根据实施方案“一季一检查、一季一排名、一季一通报”的要求，区“散乱污”企业整治工作领导小组办公室以"
                + ChineseDates.of(q.cutOff()) + "为截止日，对各镇（街道）" + q.key().label() + "（" + ChineseDates.of(q.key().first()) + "至"
                + ChineseDates.of(q.key().last()) + "）整治工作进行了量化考核。现将结果通报如下。");
        doc.heading("一、考核办法");
        List<List<String>> weights = new ArrayList<>();
        for (Ranking.Weight w : r.weights()) {
            weights.add(List.of(w.name(), AssessmentScheme.Direction.valueOf(w.direction()).label(), Integer.toString(w.declared()),
                    w.counted() ? w.effective().setScale(2, RoundingMode.HALF_UP).toPlainString() : "无数据（不计分）"));
        }
        doc.table(List.of("指标", "方向", "权重", "实际权重"), weights);
        doc.body("各项指标在各镇（街道）之间按最小—最大值换算为 0—100 分（越高越好的指标最高者 100 分，越低越好的指标最低者 100 分，"
                + "各镇相同时均为 100 分），乘以实际权重后相加为总分；总分相同的按区划代码排序。某项指标缺少任一镇（街道）的数据时该项不计分，"
                + "其权重按比例分配给其余指标。考核办法来源：" + scheme.source() + "。");
        doc.heading("二、考核排名");
        List<List<String>> rows = new ArrayList<>();
        for (Ranking.Row row : r.rows()) {
            rows.add(List.of(Integer.toString(row.rank()), row.name(), row.score().toPlainString()));
        }
        doc.table(List.of("排名", "镇（街道）", "总分"), rows);
        doc.heading("三、各项指标");
        List<String> header = new ArrayList<>(List.of("镇（街道）"));
        r.weights().forEach(w -> header.add(w.name()));
        List<List<String>> values = new ArrayList<>();
        for (Ranking.Row row : r.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.name()));
            for (Ranking.Weight w : r.weights()) {
                IndicatorValue v = q.inputs().value(w.code(), row.town());
                cells.add(v == null ? "无数据" : show(w.code(), v.value()) + (v.basis().isBlank() ? "" : "（" + v.basis() + "）"));
            }
            values.add(cells);
        }
        doc.table(header, values);
        doc.heading("四、问责与表彰");
        if (records.isEmpty()) {
            doc.body("本季度无通报批评、约谈、问责和表彰事项。");
        } else {
            List<List<String>> list = new ArrayList<>();
            for (AccountabilityRecord a : records) {
                list.add(List.of(a.kind().label(), a.unitName(), a.persons() == null ? "" : a.persons(), a.ground().label(), a.reason()));
            }
            doc.table(List.of("类型", "单位", "责任人", "情形", "事由"), list);
        }
        doc.heading("五、数据核验");
        doc.body("本次考核的全部输入数据已于" + ChineseDates.of(q.frozenAt().atZone(AssessmentService.CHINA).toLocalDate())
                + "冻结，SM3 摘要为 " + q.inputsDigest() + "。任何有权限的单位均可在平台“季度考核”中依据冻结数据重新计算，结果应与本通报一致。");
        return doc.signature(office, issuedOn).bytes();
    }

    /** A share as a percentage, a count as it is. */
    static String show(String code, BigDecimal value) {
        if (value == null) {
            return "无数据";
        }
        if (AssessmentScheme.COMPLETION_RATE.equals(code) || AssessmentScheme.REPORT_PUNCTUALITY.equals(code)
                || AssessmentScheme.HOLD_UP_RATE.equals(code)) {
            return value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        return value.stripTrailingZeros().toPlainString();
    }
}
