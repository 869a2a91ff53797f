package org.qingyuan.assessment.internal;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.assessment.AccountabilityGround;
import org.qingyuan.assessment.AccountabilityKind;
import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.assessment.Quarter;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.assessment.Ranking;
import org.qingyuan.demo.DemoData;
import org.qingyuan.platform.Deployment;
import org.qingyuan.policy.AssessmentScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, once, after every other module's demo data: the home district's last quarter whose cut-off has come is
 * frozen (through the real freeze: the contributors' values as of the cut-off, their SM3 digest, the ranking), the
 * last-ranked town is criticised (通报批评) with the quarter's evidence behind it, and the ranking is published as the
 * bulletin to every unit.
 */
@Component
@Order(70)
class DemoAssessment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

    private final AssessmentService quarters;
    private final AccountabilityService records;
    private final Deployment deployment;
    private final DemoData demo;

    DemoAssessment(AssessmentService quarters, AccountabilityService records, Deployment deployment, DemoData demo) {
        this.quarters = quarters;
        this.records = records;
        this.deployment = deployment;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("assessment", this::build);
    }

    private void build() {
        Scope district = Scope.of(deployment.homeDistrict());
        QuarterKey key = QuarterKey.of(quarters.today()).previous();
        if (quarters.today().isBefore(key.last().plusDays(quarters.scheme().cutOffDays()))) {
            key = key.previous();
        }
        Quarter frozen = quarters.freeze(district, key, "演示数据：冻结" + key.label() + "考核数据");
        Ranking ranking = frozen.ranking();
        if (!ranking.rows().isEmpty()) {
            Ranking.Row last = ranking.rows().get(ranking.rows().size() - 1);
            List<EvidenceLink> evidence = new ArrayList<>();
            evidence.add(new EvidenceLink("QUARTER", key.year() + "-" + key.quarter(), key.label() + "考核排名第 " + last.rank() + " 名（"
                    + last.score() + " 分）", "/assessment/" + key.year() + "/" + key.quarter()));
            for (String code : List.of(AssessmentScheme.OVERDUE_CASES, AssessmentScheme.REPORT_PUNCTUALITY, AssessmentScheme.REBOUNDS)) {
                IndicatorValue v = frozen.inputs().value(code, last.town());
                if (v != null) {
                    v.evidence().stream().limit(2).forEach(evidence::add);
                }
            }
            records.record(district, new AccountabilityService.Draft(key, AccountabilityKind.CRITICISM, last.town(), "镇（街道）分管负责同志",
                    last.name() + key.label() + "“散乱污”整治工作考核排名末位，逾期未完成整治、报表未按时报送，予以通报批评，限期整改。",
                    AccountabilityGround.POOR_WORK, key.last().plusDays(quarters.scheme().cutOffDays()), evidence, null), null);
        }
        Quarter published = quarters.publish(district, key, frozen.version(), "演示数据：印发" + key.label() + "考核排名通报");
        log.info("演示数据 demo assessment: {} of {} frozen (SM3 {}) and published, {} towns ranked", key.label(), published.district(),
                published.inputsDigest(), ranking.rows().size());
    }
}
