package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.policy.Policies;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** What towns wrote in their survey ledgers reaches the cases, whichever comes first. */
@SpringBootTest
@AutoConfigureMockMvc
class TownReportTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired TownReports townReports;
    @Autowired JdbcClient jdbc;

    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CaseFixtures(mvc, policies, events, tx, cases);
    }

    static TownReport report(long enterpriseId, String requirement, String deadlineText, LocalDate deadline, String progress) {
        return new TownReport(enterpriseId, requirement, deadlineText, deadline, "张三", "13812345678", progress,
                "导入自 新城街道排查台账.xlsx 第 6 行");
    }

    void receive(TownReport report) {
        tx.executeWithoutResult(s -> townReports.receive(List.of(report), "town"));
    }

    List<String> timeline(long caseId) {
        return cases.get(caseId, DISTRICT).timeline().stream().map(t -> t.kind() + "|" + t.detail()).toList();
    }

    @Test
    void aReportReceivedBeforeTheCaseOpensIsAppliedWhenTheClassificationOpensIt() throws Exception {
        long enterprise = fixtures.enterprise("410108001001");
        receive(report(enterprise, "限期拆除", "2017-05-20", LocalDate.of(2017, 5, 20), "拆除到位（2017-03-18）"));
        assertThat(cases.ofEnterprise(enterprise, DISTRICT)).isEmpty();
        assertThat(jdbc.sql("SELECT applied_at IS NULL FROM rectification_town_report WHERE enterprise_id = :id")
                .param("id", enterprise).query(Boolean.class).single()).as("pending until the case opens").isTrue();

        fixtures.publish(enterprise, "410108001001", fixtures.classification("huiji-2017", CaseFixtures.SHUTDOWN, null, Map.of()));

        RectificationCase c = cases.get(cases.ofEnterprise(enterprise, DISTRICT).orElseThrow().id(), DISTRICT).rectificationCase();
        assertThat(c.responsible().personName()).isEqualTo("张三");
        assertThat(c.responsible().personPhone()).isEqualTo("13812345678");
        assertThat(c.deadline()).as("the town's 责令限期").isEqualTo(LocalDate.of(2017, 5, 20));
        assertThat(MeasurePlan.mainDeadline(c.measure(), c.plan().deadlines())).as("the policy's deadline stays beside it").isNotEqualTo(LocalDate.of(2017, 5, 20));
        // the claim is recorded and flagged; it ticks no item and closes nothing
        assertThat(timeline(c.id())).contains("PROGRESS_CLAIMED|填报完成情况：拆除到位（2017-03-18）")
                .anyMatch(t -> t.startsWith("DEADLINE_SET|") && t.contains("2017-05-20（责令限期，导入自 新城街道排查台账.xlsx 第 6 行）"));
        assertThat(c.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(c.items()).isEmpty();
        assertThat(c.townReportFlags()).containsExactly("待核实");
        assertThat(jdbc.sql("SELECT case_id FROM rectification_town_report WHERE enterprise_id = :id AND applied_at IS NOT NULL")
                .param("id", enterprise).query(Long.class).single()).isEqualTo(c.id());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_record WHERE action = 'CASE_OPENED' AND object_id = :id
                           AND details::text LIKE '%townReportApplied%'""")
                .param("id", Long.toString(c.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReportForAnOpenCaseIsAppliedAtOnceButDoesNotReplaceANamedPerson() throws Exception {
        CaseSummary s = fixtures.open("410108001001", "huiji-2017", CaseFixtures.SHUTDOWN, null, Map.of());
        mvc.perform(post("/api/v1/cases/" + s.id() + "/responsible").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": 0, "townCode": "410108001", "personName": "李四", "personPhone": "13900000000"}"""))
                .andExpect(status().isOk());
        receive(report(s.enterpriseId(), "补办手续", "3月底", null, "正在拆除"));

        RectificationCase c = cases.get(s.id(), DISTRICT).rectificationCase();
        assertThat(c.responsible().personName()).as("a person already named stays").isEqualTo("李四");
        assertThat(c.deadline()).as("a vague deadline is no deadline").isEqualTo(s.deadline());
        assertThat(timeline(c.id())).contains("TOWN_DEADLINE|填报整治期限：3月底（不是确切日期，未作为期限；导入自 新城街道排查台账.xlsx 第 6 行）")
                .contains("PROGRESS_CLAIMED|填报完成情况：正在拆除")
                .contains("REQUIREMENT_DIFFERS|填报要求与方案不一致：填报“补办手续”，方案“" + c.measureName() + "”");
        assertThat(c.townReportFlags()).containsExactly("待核实", "填报要求与方案不一致");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'TOWN_REPORTS_RECEIVED' AND details::text LIKE :id")
                .param("id", "%" + c.id() + "%").query(Long.class).single()).isEqualTo(1);

        // the district settles the differing requirement; a town officer may not
        mvc.perform(post("/api/v1/cases/" + s.id() + "/town-requirement").with(as(RoleCode.TOWN_OFFICER, "410108001")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + c.version() + ", \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cases/" + s.id() + "/town-requirement").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + c.version() + ", \"reason\": \"  \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cases/" + s.id() + "/town-requirement").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + c.version() + ", \"reason\": \"按方案执行，填报有误\"}"))
                .andExpect(status().isOk());
        assertThat(cases.get(s.id(), DISTRICT).rectificationCase().townReportFlags()).containsExactly("待核实");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'CASE_TOWN_REQUIREMENT_SETTLED' AND object_id = :id")
                .param("id", Long.toString(s.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCasePageShowsTheTownsReportBesideThePolicysDeadlineInChinese() throws Exception {
        long enterprise = fixtures.enterprise("410108001001");
        receive(report(enterprise, "补办手续", "2017-05-20", LocalDate.of(2017, 5, 20), "拆除到位（2017-03-18）"));
        fixtures.publish(enterprise, "410108001001", fixtures.classification("huiji-2017", CaseFixtures.SHUTDOWN, null, Map.of()));
        long id = cases.ofEnterprise(enterprise, DISTRICT).orElseThrow().id();
        mvc.perform(get("/cases/" + id).with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("镇街填报情况")))
                .andExpect(content().string(containsString("镇（街道）责令限期：<b>2017-05-20</b>")))
                .andExpect(content().string(containsString("完成情况（填报）：<span>拆除到位（2017-03-18）</span>")))
                .andExpect(content().string(containsString("待核实")))
                .andExpect(content().string(containsString("填报要求与方案不一致")))
                .andExpect(content().string(containsString("张三 13812345678")))
                .andExpect(content().string(containsString("id=\"settle-form\"")))
                .andExpect(content().string(containsString("填报完成情况：拆除到位（2017-03-18）")));
        // a town officer sees the report but cannot settle it
        mvc.perform(get("/cases/" + id).with(as(RoleCode.TOWN_OFFICER, "410108001"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("填报要求与方案不一致")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"settle-form\""))));
    }

    @Test
    void aRequirementOfTheSameKindAgreesWithTheMeasure() {
        MeasurePlan shutdown = new MeasurePlan(org.qingyuan.policy.MeasureKind.SHUTDOWN, "限期拆除", null, null, null, null, "p", 1);
        assertThat(TownReport.agrees("限期拆除", shutdown)).isTrue();
        assertThat(TownReport.agrees("关停取缔", shutdown)).isTrue();
        assertThat(TownReport.agrees(" 拆除 ", shutdown)).isTrue();
        assertThat(TownReport.agrees("补办手续", shutdown)).isFalse();
        assertThat(TownReport.agrees("搬迁入园", shutdown)).isFalse();
        assertThat(TownReport.agrees("看情况", shutdown)).isFalse();
    }
}
