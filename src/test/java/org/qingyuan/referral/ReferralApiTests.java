package org.qingyuan.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.referral.internal.ReferralService;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals through the API (issue 18 §1–§3): deadlines in working days across National Day, urgent ones to the district
 * at once, a department sees only what is addressed to it, answer → return → answer → confirm, the overdue sweep,
 * duties edited with versions, and a joint operation's part recorded on the enterprise's case.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DISTRICT = "410108";
    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, DISTRICT);
    static final RequestPostProcessor ENV = as(RoleCode.DEPARTMENT_OFFICER, DISTRICT, "ENVIRONMENT");
    static final RequestPostProcessor POLICE = as(RoleCode.DEPARTMENT_OFFICER, DISTRICT, "PUBLIC_SECURITY");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ReferralService referrals;
    @Autowired org.qingyuan.policy.WorkingDays workingDays;

    JsonNode json(RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    JsonNode postJson(String path, String body, RequestPostProcessor who, int expected) throws Exception {
        return json(post(path).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body), expected);
    }

    long enterprise() {
        return jdbc.sql("SELECT id FROM enterprise WHERE division_code LIKE :d || '%' ORDER BY id LIMIT 1").param("d", DISTRICT)
                .query(Long.class).single();
    }

    JsonNode refer(String department, String urgency, RequestPostProcessor who) throws Exception {
        return postJson("/api/v1/referrals", """
                {"enterpriseId": "%d", "departmentCode": "%s", "problem": "无营业执照从事塑料加工", "legalBasis": "《无证无照经营查处办法》第二条",
                 "urgency": "%s"}""".formatted(enterprise(), department, urgency), who, 201).get("referral");
    }

    static CurrentUser office() {
        return new CurrentUser(0, "district", "区办", "DISTRICT_OFFICE", "区办", DivisionCode.of(DISTRICT), null);
    }

    @Test
    void aReferralOnTheFridayBeforeNationalDayIsDueOnTheFifthWorkingDayAfterTheHolidays() {
        // 2026: 9-25 (Fri) 中秋 off, 9-28..9-30 work, 10-01..10-07 off, 10-08 and 10-09 work → 5th working day is 10-09
        var view = referrals.create(office(), new ReferralService.NewReferral(null, "MARKET_REGULATION", "他部门证照问题", null, "NORMAL",
                List.of()), LocalDate.of(2026, 9, 25));
        assertThat(view.referral().deadline()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(view.referral().deadlineRule()).contains("5个工作日");
        // the Sunday 2026-09-20 is a working day (调休): from Friday 9-18 the fifth working day is Thursday 9-24
        assertThat(referrals.deadline(LocalDate.of(2026, 9, 18), Urgency.NORMAL).date()).isEqualTo(LocalDate.of(2026, 9, 24));
        // the Saturday 2026-10-10 is a working day: from 9-30 → 10-08, 10-09, 10-10, 10-12, 10-13
        assertThat(referrals.deadline(LocalDate.of(2026, 9, 30), Urgency.NORMAL).date()).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void anUrgentReferralIsDueTheSameDayAndGoesToTheDistrictOfficeAtOnce() throws Exception {
        JsonNode r = refer("ENVIRONMENT", "URGENT", OFFICE);
        assertThat(r.get("deadline").asString()).isEqualTo(referrals.today().toString());
        assertThat(r.get("urgency").asString()).isEqualTo("URGENT");
        long id = r.get("id").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'REFERRAL_URGENT' AND link = :l").param("l", "/referrals/" + id)
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aDepartmentSeesOnlyWhatIsAddressedToIt() throws Exception {
        long env = refer("ENVIRONMENT", "NORMAL", OFFICE).get("id").asLong();
        long police = refer("PUBLIC_SECURITY", "NORMAL", OFFICE).get("id").asLong();
        json(get("/api/v1/referrals/" + env).with(ENV), 200);
        json(get("/api/v1/referrals/" + police).with(ENV), 404);
        json(get("/api/v1/referrals/" + police).with(POLICE), 200);
        JsonNode queue = json(get("/api/v1/referrals?mine=true").with(ENV), 200);
        queue.forEach(q -> assertThat(q.get("departmentCode").asString()).isEqualTo("ENVIRONMENT"));
        assertThat(queue.findValuesAsString("id")).contains(Long.toString(env)).doesNotContain(Long.toString(police));
        // another district's office does not see it either
        json(get("/api/v1/referrals/" + env).with(as(RoleCode.DISTRICT_OFFICE, "650105")), 404);
        // a department may not accept another's referral
        postJson("/api/v1/referrals/" + police + "/acceptance", "{\"version\": 0}", ENV, 404);
    }

    @Test
    void theDepartmentAnswersAndTheReferrerReturnsThenConfirms() throws Exception {
        JsonNode r = refer("PUBLIC_SECURITY", "NORMAL", OFFICE);
        long id = r.get("id").asLong();
        // answering before accepting is refused
        json(multipart("/api/v1/referrals/" + id + "/answer").file(new MockMultipartFile("files", "立案决定书.pdf", "application/pdf", PDF))
                .param("version", "0").param("answer", "已立案").with(POLICE).with(csrf()), 409);
        r = postJson("/api/v1/referrals/" + id + "/acceptance", "{\"version\": 0}", POLICE, 200).get("referral");
        assertThat(r.get("state").asString()).isEqualTo("ACCEPTED");
        // stale version
        postJson("/api/v1/referrals/" + id + "/acceptance", "{\"version\": 0}", POLICE, 409);
        // an answer needs a document
        JsonNode bad = json(multipart("/api/v1/referrals/" + id + "/answer").param("version", "1").param("answer", "已立案")
                .with(POLICE).with(csrf()), 400);
        assertThat(bad.toString()).contains("files");
        r = json(multipart("/api/v1/referrals/" + id + "/answer").file(new MockMultipartFile("files", "立案决定书.pdf", "application/pdf", PDF))
                .param("version", "1").param("answer", "已立案侦查").with(POLICE).with(csrf()), 200).get("referral");
        assertThat(r.get("state").asString()).isEqualTo("ANSWERED");
        // the department cannot confirm its own answer; a return needs a reason
        postJson("/api/v1/referrals/" + id + "/confirmation", "{\"version\": 2}", POLICE, 403);
        assertThat(postJson("/api/v1/referrals/" + id + "/return", "{\"version\": 2, \"reason\": \" \"}", OFFICE, 400).toString())
                .contains("reason");
        r = postJson("/api/v1/referrals/" + id + "/return", "{\"version\": 2, \"reason\": \"未附现场笔录\"}", OFFICE, 200).get("referral");
        assertThat(r.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(r.get("returns").asInt()).isEqualTo(1);
        r = json(multipart("/api/v1/referrals/" + id + "/answer").file(new MockMultipartFile("files", "现场笔录.pdf", "application/pdf", PDF))
                .param("version", "3").param("answer", "补充现场笔录").with(POLICE).with(csrf()), 200).get("referral");
        JsonNode done = postJson("/api/v1/referrals/" + id + "/confirmation", "{\"version\": 4}", OFFICE, 200);
        assertThat(done.get("referral").get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(done.get("files").size()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE object_type = 'Referral' AND object_id = :id").param("id", Long.toString(id))
                .query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void badInputNamesTheField() throws Exception {
        assertThat(postJson("/api/v1/referrals", "{\"departmentCode\": \"NOPE\", \"problem\": \"x\"}", OFFICE, 400).toString()).contains("departmentCode");
        assertThat(postJson("/api/v1/referrals", "{\"departmentCode\": \"ENVIRONMENT\", \"problem\": \"\"}", OFFICE, 400).toString()).contains("problem");
        assertThat(postJson("/api/v1/referrals", "{\"departmentCode\": \"ENVIRONMENT\", \"problem\": \"x\", \"urgency\": \"SOON\"}", OFFICE, 400)
                .toString()).contains("urgency");
        // an enterprise of another district is outside the caller's scope
        long other = jdbc.sql("SELECT id FROM enterprise WHERE division_code NOT LIKE '410108%' ORDER BY id LIMIT 1").query(Long.class).optional().orElse(-1L);
        assertThat(postJson("/api/v1/referrals", "{\"enterpriseId\": \"" + other + "\", \"departmentCode\": \"ENVIRONMENT\", \"problem\": \"x\"}",
                OFFICE, 400).toString()).contains("enterpriseId");
        // a department cannot refer
        postJson("/api/v1/referrals", "{\"departmentCode\": \"ENVIRONMENT\", \"problem\": \"x\"}", ENV, 403);
    }

    @Test
    void anOverdueReferralIsRemindedAndEscalatedByTheDailySweep() throws Exception {
        JsonNode r = refer("ENVIRONMENT", "NORMAL", OFFICE);
        long id = r.get("id").asLong();
        LocalDate deadline = LocalDate.parse(r.get("deadline").asString());
        referrals.sweep(deadline);
        assertThat(jdbc.sql("SELECT escalated_on FROM referral WHERE id = :id").param("id", id).query(LocalDate.class).optional()).isEmpty();
        referrals.sweep(deadline.plusDays(1));
        referrals.sweep(deadline.plusDays(2));
        assertThat(jdbc.sql("SELECT escalated_on FROM referral WHERE id = :id").param("id", id).query(LocalDate.class).single())
                .isEqualTo(deadline.plusDays(1));
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'REFERRAL_ESCALATED' AND link = :l").param("l", "/referrals/" + id)
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT dedup_key) FROM notification WHERE kind = 'REFERRAL_OVERDUE' AND link = :l")
                .param("l", "/referrals/" + id).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'REFERRAL_ESCALATED' AND object_id = :id").param("id", Long.toString(id))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void dutiesAreEditedByTheDistrictOfficeWithVersions() throws Exception {
        JsonNode d = json(get("/api/v1/departments/ENVIRONMENT").with(OFFICE), 200);
        assertThat(d.get("duties").asString()).contains("牵头");
        int version = d.get("version").asInt();
        JsonNode edited = postJson("/api/v1/departments/ENVIRONMENT/duties",
                "{\"version\": " + version + ", \"duties\": \"牵头“散乱污”整治；查处环境违法\", \"source\": \"003 四（四）\"}", OFFICE, 200);
        assertThat(edited.get("version").asInt()).isEqualTo(version + 1);
        postJson("/api/v1/departments/ENVIRONMENT/duties", "{\"version\": " + version + ", \"duties\": \"旧版本\"}", OFFICE, 409);
        assertThat(postJson("/api/v1/departments/ENVIRONMENT/duties", "{\"version\": " + (version + 1) + ", \"duties\": \"\"}", OFFICE, 400)
                .toString()).contains("duties");
        postJson("/api/v1/departments/ENVIRONMENT/duties", "{\"version\": " + (version + 1) + ", \"duties\": \"x\"}", ENV, 403);
        // another district still sees the shipped text
        assertThat(json(get("/api/v1/departments/ENVIRONMENT").with(as(RoleCode.DISTRICT_OFFICE, "650105")), 200).get("duties").asString())
                .doesNotContain("查处环境违法");
    }

    @Test
    void aJointOperationRecordsEachDepartmentsPartOnTheCase() throws Exception {
        long caseId = jdbc.sql("""
                SELECT id FROM rectification_case WHERE division_code LIKE '410108%' AND deadline < current_date
                   AND state IN ('REGISTERED', 'IN_PROGRESS', 'ESCALATED', 'REOPENED') ORDER BY id LIMIT 1""").query(Long.class).single();
        long enterprise = jdbc.sql("SELECT enterprise_id FROM rectification_case WHERE id = :id").param("id", caseId).query(Long.class).single();
        long other = enterprise();
        JsonNode op = postJson("/api/v1/operations", """
                {"heldOn": "%s", "title": "城乡结合部联合执法", "leadDepartment": "ENVIRONMENT",
                 "departments": ["PUBLIC_SECURITY", "POWER_SUPPLY"], "enterpriseIds": [%d, %d]}""".formatted(referrals.today(), enterprise, other),
                OFFICE, 201).get("operation");
        long id = op.get("id").asLong();
        assertThat(postJson("/api/v1/operations", "{\"title\": \"x\", \"leadDepartment\": \"ENVIRONMENT\"}", OFFICE, 400).toString()).contains("heldOn");
        // the police queue lists both enterprises
        JsonNode queue = json(get("/api/v1/departments/queue").with(POLICE), 200);
        assertThat(queue.get("operationParts").findValuesAsString("operationId")).isNotEmpty();
        JsonNode after = json(multipart("/api/v1/operations/" + id + "/parts").file(new MockMultipartFile("file", "查封决定书.pdf", "application/pdf", PDF))
                .param("version", "0").param("enterpriseId", Long.toString(enterprise))
                .param("action", "现场维持秩序，控制对抗执法人员").param("outcome", "顺利断电查封").with(POLICE).with(csrf()), 201).get("operation");
        JsonNode part = after.get("parts").get(0);
        assertThat(part.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_step WHERE case_id = :c AND kind = 'JOINT_ENFORCEMENT' AND detail LIKE '%城乡结合部联合执法%'")
                .param("c", caseId).query(Long.class).single()).isEqualTo(1);
        assertThat(part.get("attachmentId").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_attachment WHERE owner_type = 'RectificationCase' AND owner_id = :c AND file_name = '查封决定书.pdf'")
                .param("c", caseId).query(Long.class).single()).isEqualTo(1);
        // stale version, twice for the same enterprise, a department not taking part
        json(multipart("/api/v1/operations/" + id + "/parts").param("version", "0").param("enterpriseId", Long.toString(other))
                .param("action", "a").param("outcome", "b").with(POLICE).with(csrf()), 409);
        json(multipart("/api/v1/operations/" + id + "/parts").param("version", "1").param("enterpriseId", Long.toString(enterprise))
                .param("action", "a").param("outcome", "b").with(POLICE).with(csrf()), 409);
        assertThat(json(multipart("/api/v1/operations/" + id + "/parts").param("version", "1").param("enterpriseId", Long.toString(other))
                .param("action", " ").param("outcome", "b").with(POLICE).with(csrf()), 400).toString()).contains("action");
        json(get("/api/v1/operations/" + id).with(as(RoleCode.DEPARTMENT_OFFICER, DISTRICT, "TRANSPORT")), 404);
    }

    @Test
    void aTownRefersWithAttachmentsOnlyWhatLiesInItsTown() throws Exception {
        List<String> towns = jdbc.sql("SELECT code FROM division WHERE parent_code = '410108' ORDER BY code LIMIT 2").query(String.class).list();
        RequestPostProcessor town = as(RoleCode.TOWN_OFFICER, towns.get(0));
        long own = jdbc.sql("SELECT id FROM enterprise WHERE division_code LIKE :t || '%' ORDER BY id LIMIT 1").param("t", towns.get(0))
                .query(Long.class).single();
        JsonNode made = json(multipart("/api/v1/referrals").file(new MockMultipartFile("files", "现场检查笔录.pdf", "application/pdf", PDF))
                .param("enterpriseId", Long.toString(own)).param("departmentCode", "PUBLIC_SECURITY").param("problem", "非法处置危险废物，涉嫌犯罪")
                .param("legalBasis", "《刑法》第三百三十八条").with(town).with(csrf()), 201);
        assertThat(made.get("files").size()).isEqualTo(1);
        assertThat(made.get("referral").get("divisionCode").asString()).startsWith(towns.get(0));
        json(get("/api/v1/referrals/" + made.get("referral").get("id").asLong()).with(POLICE), 200);
        long elsewhere = jdbc.sql("SELECT id FROM enterprise WHERE division_code LIKE :t || '%' ORDER BY id LIMIT 1").param("t", towns.get(1))
                .query(Long.class).single();
        assertThat(postJson("/api/v1/referrals", "{\"enterpriseId\": \"" + elsewhere + "\", \"departmentCode\": \"ENVIRONMENT\", \"problem\": \"x\"}",
                town, 400).toString()).contains("enterpriseId");
    }

    @Test
    void everyDayOfEveryShippedHolidayYearIsDueOnTheFifthWorkingDayAfterIt() {
        var calendar = workingDays.calendar();
        for (LocalDate on = LocalDate.of(2017, 1, 1); on.getYear() <= 2026; on = on.plusDays(1)) {
            LocalDate due = referrals.deadline(on, Urgency.NORMAL).date();
            assertThat(calendar.isWorkingDay(due)).as(on.toString()).isTrue();
            int counted = 0;
            for (LocalDate d = on.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
                counted += calendar.isWorkingDay(d) ? 1 : 0;
            }
            assertThat(counted).as(on.toString()).isEqualTo(5);
        }
    }
}
