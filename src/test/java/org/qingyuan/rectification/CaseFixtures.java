package org.qingyuan.rectification;

import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Policies;
import org.qingyuan.shared.DivisionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enterprises registered through the API and classified through the Policies API, the classification
 * published as the ledger does (inside a transaction), so tests do not depend on the ledger storing classifications.
 */
record CaseFixtures(MockMvc mvc, Policies policies, ApplicationEventPublisher events, TransactionTemplate tx, Cases cases) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final double LON = 113.6201;
    static final double LAT = 34.8512;
    /** Huiji: 不符合产业政策 → 限期拆除 (shutdown by 两断三清). */
    static final Facts SHUTDOWN = Facts.of(Map.of("conformsToPlanning", false, "hasEiaApproval", true, "hasPlanningApproval", true,
            "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false, "industry", "铸造"));
    /** Huiji: only the EIA approval missing → 补办手续. */
    static final Facts NO_EIA = Facts.of(Map.of("conformsToPlanning", true, "hasEiaApproval", false, "hasPlanningApproval", true,
            "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false, "industry", "服装加工"));
    /** Shuimogou 散: 不符合规划 → 迁入工业园区, escalating to shutdown when overdue. */
    static final Facts SAN = Facts.of(Map.of("conformsToPlanning", false, "hasFireApproval", true, "hasEiaApproval", true,
            "hasPlanningApproval", true, "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false,
            "industry", "木器加工"));
    static final Facts CLEAN = Facts.of(Map.of("conformsToPlanning", true, "hasEiaApproval", true, "hasPlanningApproval", true,
            "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false, "industry", "服装加工"));

    long enterprise(String division) throws Exception {
        String body = mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"整治测试厂" + System.nanoTime() + "\", \"divisionCode\": \"" + division
                                + "\", \"type\": \"SLW\", \"discovery\": \"PATROL\", \"longitude\": " + LON + ", \"latitude\": " + LAT + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asLong();
    }

    /** A classification under a shipped policy, with the deadlines of the given kinds decided (一企一策) as given. */
    EffectiveClassification classification(String policy, Facts facts, String zone, Map<DeadlineKind, LocalDate> deadlines) {
        Classification computed = policies.evaluate(policy, 1, facts, zone, LocalDate.of(2017, 10, 9));
        if (deadlines.isEmpty()) {
            return EffectiveClassification.of(computed);
        }
        return ClassificationOverride.of(computed, null, null, deadlines, "测试用期限", "district", Instant.now()).applyTo(computed);
    }

    void publish(long enterpriseId, String division, EffectiveClassification classification) {
        tx.executeWithoutResult(s -> events.publishEvent(new EnterprisesClassified(List.of(
                new EnterpriseClassified(enterpriseId, division, classification, null, "district", "测试分类")))));
    }

    /** Registers an enterprise, classifies it and answers its case. */
    CaseSummary open(String division, String policy, Facts facts, String zone, Map<DeadlineKind, LocalDate> deadlines) throws Exception {
        long id = enterprise(division);
        publish(id, division, classification(policy, facts, zone, deadlines));
        return cases.ofEnterprise(id, Scope.of(DivisionCode.of("410108"))).or(() -> cases.ofEnterprise(id, Scope.of(DivisionCode.of(division))))
                .orElseThrow();
    }
}
