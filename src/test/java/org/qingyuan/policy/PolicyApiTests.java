package org.qingyuan.policy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PolicyApiTests {

    private static final String SAN_LUAN = """
            {"facts": {"conformsToPlanning": false, "hasFireApproval": false, "hasEiaApproval": true,
                       "hasPlanningApproval": true, "hasBusinessLicence": true, "hasIllegalBuildings": false,
                       "emissionsOverStandard": false, "industry": "铸造"},
             "zone": "%s", "noticeDate": "2017-10-09"}
            """;

    @Autowired
    MockMvc mvc;

    @Test
    void listsThePoliciesWithTheActiveOne() throws Exception {
        mvc.perform(get("/api/v1/policies").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'shuimogou-2017')].title").value(hasItem("水磨沟区“散乱污”企业综合治理分类施治标准")))
                .andExpect(jsonPath("$[?(@.id == 'huiji-2017')].active").value(hasItem(true)));
    }

    @Test
    void aPolicyShowsItsRulesWithTheirSources() throws Exception {
        mvc.perform(get("/api/v1/policies/shuimogou-2017").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document").value("水政办〔2017〕67号 附件1"))
                .andExpect(jsonPath("$.zones[0].id").value("inside-second-ring"))
                .andExpect(jsonPath("$.tests.length()").value(3))
                .andExpect(jsonPath("$.categories.length()").value(7))
                .andExpect(jsonPath("$.categories[6].id").value("散乱污"))
                .andExpect(jsonPath("$.categories[6].disposals[0].measure.deadlines[0].due.type").value("endOfMonth"))
                .andExpect(jsonPath("$.categories[6].disposals[0].measure.deadlines[0].due.value").value("2017-10"))
                .andExpect(jsonPath("$.categories[3].disposals[1].measure.subKinds[0]").value("obtain-approvals"))
                .andExpect(jsonPath("$.categories[3].disposals[1].measure.source").value("附件1 第4项 二环路以外"));
    }

    @Test
    void aPolicyShowsItsReportCalendar() throws Exception {
        mvc.perform(get("/api/v1/policies/huiji-2017").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports.length()").value(3))
                .andExpect(jsonPath("$.reports[0].id").value("monthly-ledger"))
                .andExpect(jsonPath("$.reports[0].title").value("惠济区小散乱污企业排查台账"))
                .andExpect(jsonPath("$.reports[0].parts[*].code").value(org.hamcrest.Matchers.contains("LEDGER_FORM", "WRITTEN_SUMMARY", "SEALED_SCAN")))
                .andExpect(jsonPath("$.reports[0].parts[2].label").value("盖章扫描件"))
                .andExpect(jsonPath("$.reports[0].form").value("survey"))
                .andExpect(jsonPath("$.reports[0].submitters[0].code").value("TOWNS"))
                .andExpect(jsonPath("$.reports[0].submitters[0].label").value("各镇（街道）"))
                .andExpect(jsonPath("$.reports[0].to").value("区环保局整治“小散乱污”企业领导小组办公室"))
                .andExpect(jsonPath("$.reports[0].schedule.every").value("MONTH"))
                .andExpect(jsonPath("$.reports[0].schedule.days[0]").value(23))
                .andExpect(jsonPath("$.reports[0].schedule.text").value("每月23日"))
                .andExpect(jsonPath("$.reports[0].holidays.code").value("PREVIOUS_WORKING_DAY"))
                .andExpect(jsonPath("$.reports[0].holidays.label").value("提前至前一个工作日"))
                .andExpect(jsonPath("$.reports[0].remindDaysBefore").value(3))
                .andExpect(jsonPath("$.reports[0].source").value("三(三)；附件1 注1"))
                .andExpect(jsonPath("$.reports[1].schedule.dayOfWeek").value("SUNDAY"))
                .andExpect(jsonPath("$.reports[1].submitters[0].label").value("区本级"));
        mvc.perform(get("/api/v1/policies/tianjin-market-2017").with(district()))
                .andExpect(jsonPath("$.reports[0].schedule.text").value("每月1日、16日"))
                .andExpect(jsonPath("$.reports[0].holidays.code").value("NEXT_WORKING_DAY"));
        mvc.perform(get("/api/v1/policies/baokou").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports.length()").value(0));
    }

    @Test
    void evaluatingFactsAnswersCategoryMeasureDeadlinesAndExplanation() throws Exception {
        mvc.perform(post("/api/v1/policies/shuimogou-2017/evaluations").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(SAN_LUAN.formatted("outside-second-ring")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy").value("shuimogou-2017"))
                .andExpect(jsonPath("$.version").value(4))
                .andExpect(jsonPath("$.category").value("散乱"))
                .andExpect(jsonPath("$.measure.kind").value("RELOCATE"))
                .andExpect(jsonPath("$.measure.stopProduction").value(true))
                .andExpect(jsonPath("$.deadlines[0].kind").value("OBTAIN_APPROVALS"))
                .andExpect(jsonPath("$.deadlines[0].date").value("2018-01-09"))
                .andExpect(jsonPath("$.deadlines[1].kind").value("RELOCATE"))
                .andExpect(jsonPath("$.deadlines[1].date").value("2019-09-30"))
                .andExpect(jsonPath("$.flags[0]").value("重点治理行业"))
                .andExpect(jsonPath("$.explanation").value(containsString("“散”成立：是否符合产业政策及当地产业布局规划：否")));
    }

    @Test
    void unknownFactsAnswerUndeterminedWithTheQuestions() throws Exception {
        mvc.perform(post("/api/v1/policies/shuimogou-2017/evaluations").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"facts\": {\"hasFireApproval\": false, \"emissionsOverStandard\": null}, \"zone\": \"inside-second-ring\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("UNDETERMINED"))
                .andExpect(jsonPath("$.possibleCategories.length()").value(4))
                .andExpect(jsonPath("$.questions[0].fact").value("emissionsOverStandard"))
                .andExpect(jsonPath("$.questions[1].fact").value("conformsToPlanning"))
                .andExpect(jsonPath("$.measure").doesNotExist());
    }

    @Test
    void badInputIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/policies/shuimogou-2017/evaluations").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"facts\": {\"hasFireAproval\": true}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("facts.hasFireAproval"))
                .andExpect(jsonPath("$.detail").value("未知的企业事实“hasFireAproval”"));
        mvc.perform(post("/api/v1/policies/shuimogou-2017/evaluations").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"facts\": {\"hasFireApproval\": 1}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("facts.hasFireApproval"));
        mvc.perform(post("/api/v1/policies/shuimogou-2017/evaluations").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(SAN_LUAN.formatted("ring-3")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("zone"));
        mvc.perform(post("/api/v1/policies/shuimogou-2017/evaluations").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"facts\": {}, \"noticeDate\": \"2017-13-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("noticeDate"));
        mvc.perform(get("/api/v1/policies/no-such-policy").with(district()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("实施方案“no-such-policy”不存在"));
    }

    @Test
    void aMalformedPolicyFileIsRefusedWithItsLine() throws Exception {
        mvc.perform(post("/api/v1/policies").with(district()).with(csrf())
                        .contentType("application/yaml").content("id: broken\nversion: 1\ntitle: 坏文件\ndocument: x\ntests: 3\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.line").value(5))
                .andExpect(jsonPath("$.field").value("content"))
                .andExpect(jsonPath("$.detail").value("第 5 行：“tests”应为列表"));
    }

    @Test
    void aNewPolicyIsRegisteredAndItsZonesAssigned() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/policies/shuimogou-2017.yaml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("id: shuimogou-2017", "id: shuimogou-api-test");
        mvc.perform(post("/api/v1/policies").with(district()).with(csrf()).contentType("application/yaml")
                        .content(yaml.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/policies/shuimogou-api-test?version=4"))
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(put("/api/v1/policies/shuimogou-api-test/zones/650105005001").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"zone\": \"outside-second-ring\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("outside-second-ring"))
                .andExpect(jsonPath("$.assigned").value(true))
                .andExpect(jsonPath("$.assignedBy").value("district"));
        mvc.perform(get("/api/v1/policies/shuimogou-api-test/zones").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.division == '650105005')].name").value(hasItem("新民路街道")))
                .andExpect(jsonPath("$[?(@.division == '650105005001')].zone").value(hasItem("outside-second-ring")));
    }

    @Test
    void thePreviewListsWhoWouldChangeCategory() throws Exception {
        mvc.perform(post("/api/v1/policies/shuimogou-2017/versions/1/preview").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"noticeDate": "2017-10-09", "inputs": [
                                  {"key": "e1", "division": "650105016", "facts": {"conformsToPlanning": false, "hasFireApproval": false,
                                    "hasEiaApproval": true, "hasPlanningApproval": true, "hasBusinessLicence": true,
                                    "hasIllegalBuildings": false, "emissionsOverStandard": false, "industry": "铸造"}}]}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidatePolicy").value("shuimogou-2017"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.categoryChanges").value(1))
                .andExpect(jsonPath("$.changes[0].toCategory").value("散乱"));
    }

    @Test
    void theCalendarComputesWorkingDaysAndAcceptsANewYear() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2017-09-29").param("days", "5").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2017-10-12"))
                .andExpect(jsonPath("$.covered").value(true));
        mvc.perform(get("/api/v1/calendar/years").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(2017))
                .andExpect(jsonPath("$[0].uploaded").value(false));
        MockMultipartFile file = new MockMultipartFile("file", "2028.json", "application/json", """
                {"year": 2028, "papers": [], "days": [{"name": "元旦", "date": "2028-01-03", "isOffDay": true}]}
                """.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/calendar/years").file(file).with(district()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/calendar/years").file(file)
                        .with(org.qingyuan.access.internal.TestLogins.as(org.qingyuan.access.RoleCode.SYSTEM_ADMIN, "410108")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.year").value(2028))
                .andExpect(jsonPath("$.uploaded").value(true))
                .andExpect(jsonPath("$.uploadedBy").value("sysadmin"));
        mvc.perform(post("/api/v1/calendar/years").with(org.qingyuan.access.internal.TestLogins.as(org.qingyuan.access.RoleCode.SYSTEM_ADMIN, "410108")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2029, \"papers\": [], \"days\": [{\"date\": \"2029-01-01\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail").value("days 第 1 项缺少节日名称 name"));
    }

    @Test
    void thePagesShowThePoliciesTheRulesAndTheCalendar() throws Exception {
        mvc.perform(get("/policies").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("水磨沟区“散乱污”企业综合治理分类施治标准")))
                .andExpect(content().string(containsString("当前启用")));
        mvc.perform(get("/policies/shuimogou-2017").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("附件1 第7项 二环路以内")))
                .andExpect(content().string(containsString("2017年10月底前完成关停工作")))
                .andExpect(content().string(containsString("新民路街道")));
        mvc.perform(get("/policies/huiji-2017").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报送要求")))
                .andExpect(content().string(containsString("<th>遇节假日</th>")))
                .andExpect(content().string(containsString("惠济区小散乱污企业排查台账")))
                .andExpect(content().string(containsString("台账报表、工作总结、盖章扫描件（台账为 001 附件1 排查台账）")))
                .andExpect(content().string(containsString("每月23日")))
                .andExpect(content().string(containsString("提前至前一个工作日")))
                .andExpect(content().string(containsString("3 个工作日")))
                .andExpect(content().string(containsString("每周日")))
                .andExpect(content().string(containsString("每月末")));
        mvc.perform(get("/policies/tianjin-market-2017").with(district()))
                .andExpect(content().string(containsString("每月1日、16日")))
                .andExpect(content().string(containsString("顺延至下一个工作日")))
                .andExpect(content().string(containsString("市市场监管委企业监管处")));
        mvc.perform(get("/policies/baokou").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本方案未规定定期报送事项")));
        mvc.perform(post("/policies/tianjin-market-2017/try").with(district()).with(csrf()).header("HX-Request", "true")
                        .param("version", "1").param("fact_hasEiaApproval", "false").param("fact_hasBusinessLicence", "true")
                        .param("noticeDate", "2017-09-29"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("治理改造")))
                .andExpect(content().string(containsString("2017-10-12")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        mvc.perform(get("/calendar").param("from", "2020-01-23").param("days", "5").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2020-02-07")));
    }

    @Test
    void anonymousCallersGetA401() throws Exception {
        mvc.perform(get("/api/v1/policies")).andExpect(status().isUnauthorized());
    }
}
