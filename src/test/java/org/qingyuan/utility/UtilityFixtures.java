package org.qingyuan.utility;

import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.Permit;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.shared.DivisionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Enterprises registered through the API and classified as the ledger publishes it, so that their cases open. */
record UtilityFixtures(MockMvc mvc, Policies policies, ApplicationEventPublisher events, TransactionTemplate tx, Cases cases) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VILLAGE = "410108001001";
    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** Huiji: 不符合产业政策 → 限期拆除 (shutdown by 两断三清). */
    static final Facts SHUTDOWN = Facts.of(Map.of("conformsToPlanning", false, "hasEiaApproval", true, "hasPlanningApproval", true,
            "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false, "industry", "铸造"));
    /** Huiji: only the EIA approval missing → 补办手续 (remediation). */
    static final Facts NO_EIA = Facts.of(Map.of("conformsToPlanning", true, "hasEiaApproval", false, "hasPlanningApproval", true,
            "hasBusinessLicence", true, "hasIllegalBuildings", false, "emissionsOverStandard", false, "industry", "服装加工"));

    static final CurrentUser TOWN = new CurrentUser(2, "town", "镇", "TOWN_OFFICER", "镇", DivisionCode.of("410108001"), null);
    static final CurrentUser POWER = new CurrentUser(11, "power", "供电公司演示账号", "DEPARTMENT_OFFICER", "部门", DivisionCode.of("410108"),
            "POWER_SUPPLY");
    static final CurrentUser WATER = new CurrentUser(12, "water", "供水公司演示账号", "DEPARTMENT_OFFICER", "部门", DivisionCode.of("410108"),
            "WATER_SUPPLY");
    static final CurrentUser GAS = new CurrentUser(14, "gas", "燃气公司", "DEPARTMENT_OFFICER", "部门", DivisionCode.of("410108"), "GAS_SUPPLY");
    static final CurrentUser MARKET = new CurrentUser(13, "market", "市场监管部门演示账号", "DEPARTMENT_OFFICER", "部门",
            DivisionCode.of("410108"), "MARKET_REGULATION");
    static final CurrentUser ENV = new CurrentUser(3, "env-dept", "生态环境", "DEPARTMENT_OFFICER", "部门", DivisionCode.of("410108"),
            "ENVIRONMENT");
    static final CurrentUser DISTRICT_OFFICE = new CurrentUser(1, "district", "区办", "DISTRICT_OFFICE", "区办", DivisionCode.of("410108"),
            null);

    long enterprise(String division) throws Exception {
        String body = mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"供水供电测试厂" + System.nanoTime() + "\", \"divisionCode\": \"" + division
                                + "\", \"type\": \"SLW\", \"discovery\": \"PATROL\", \"longitude\": 113.6201, \"latitude\": 34.8512}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asLong();
    }

    /** Registers an enterprise in the village, classifies it under Huiji's plan and answers its case. */
    CaseSummary open(Facts facts) throws Exception {
        long id = enterprise(VILLAGE);
        Classification computed = policies.evaluate("huiji-2017", 1, facts, null, LocalDate.of(2017, 10, 9));
        tx.executeWithoutResult(s -> events.publishEvent(new EnterprisesClassified(List.of(
                new EnterpriseClassified(id, VILLAGE, EffectiveClassification.of(computed), null, "district", "测试分类")))));
        return cases.ofEnterprise(id, DISTRICT).orElseThrow();
    }

    /** Records every item of the case with a document as the town, submits it and has the district accept it on site. */
    CaseView accepted(long caseId) {
        CaseView c = cases.get(caseId, DISTRICT);
        for (Requirement r : c.rectificationCase().requirements()) {
            long doc = cases.upload(caseId, EvidenceCategory.LEGAL_DOCUMENT, r.label() + ".pdf", r.label(), new ByteArrayInputStream(PDF),
                    DISTRICT).id();
            c = cases.recordItem(caseId, c.rectificationCase().version(), new Cases.ItemCommand(r, r.label() + "已完成", List.of(doc),
                    r.needsUtilityConfirmation() ? doc : null, r.needsPermit() ? new Permit("环评批复", "惠环审〔2026〕1号",
                    LocalDate.now().minusDays(1)) : null), TOWN);
        }
        c = cases.submit(caseId, c.rectificationCase().version(), TOWN);
        return cases.accept(caseId, c.rectificationCase().version(), "现场核查：手续齐全，整改到位，同意恢复生产", DISTRICT_OFFICE);
    }
}
