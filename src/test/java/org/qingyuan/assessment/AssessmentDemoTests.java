package org.qingyuan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.assessment.internal.AccountabilityService;
import org.qingyuan.assessment.internal.AssessmentService;
import org.qingyuan.access.Scope;
import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Divisions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's last quarter in a home district: frozen, published, every town of the district ranked, the last one
 * criticised with evidence. Subclassed per home district (惠济区 is covered by {@link AssessmentApiTests}).
 */
abstract class AssessmentDemoTests {

    @Autowired AssessmentService quarters;
    @Autowired AccountabilityService records;
    @Autowired Deployment deployment;
    @Autowired Divisions divisions;

    @Test
    void lastQuartersRankingIsPublishedWithEveryTownAndACriticism() {
        Scope district = Scope.of(deployment.homeDistrict());
        QuarterKey key = QuarterKey.of(quarters.today()).previous();
        if (quarters.today().isBefore(key.last().plusDays(quarters.scheme().cutOffDays()))) {
            key = key.previous();
        }
        Quarter q = quarters.get(district, key);
        assertThat(q.state()).isEqualTo(QuarterState.PUBLISHED);
        assertThat(q.ranking().rows()).hasSize(divisions.children(deployment.homeDistrict()).size()).isNotEmpty();
        q.ranking().weights().forEach(w -> System.out.println("assessment demo " + deployment.homeDistrict() + " " + w.code()
                + " counted=" + w.counted() + " effective=" + w.effective() + " missing=" + w.missing().size()));
        List<AccountabilityRecord> list = records.list(district, key, null, AccountabilityKind.CRITICISM);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).unitCode()).isEqualTo(q.ranking().rows().get(q.ranking().rows().size() - 1).town());
        assertThat(list.get(0).evidence()).isNotEmpty();
    }
}
