package org.qingyuan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.assessment.internal.AssessmentService;
import org.qingyuan.assessment.internal.AssessmentSweep;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly assessment over HTTP against the demo database: the demo's last quarter frozen and published; a quarter
 * frozen by the office keeps its inputs' digest and recomputes to the same ranking after the data changed; nobody
 * freezes before the cut-off; the sweep freezes once it has passed; the bulletin opens in POI and names every town; a
 * town's officer sees his own row until publication and nothing outside his district or town; accountability records
 * need a reason and evidence, are audited and never deleted.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentApiTests {

    static final String DISTRICT = "410108";
    static final String TOWN = "410108001";
    static final RequestPostProcessor TOWN_OFFICER = as(RoleCode.TOWN_OFFICER, TOWN);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AssessmentService quarters;
    @Autowired AssessmentSweep sweep;

    JsonNode call(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, RequestPostProcessor who,
                  int expected) throws Exception {
        String out = mvc.perform(request.with(who).with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString();
        return out.isEmpty() ? null : JSON.readTree(out);
    }

    JsonNode postJson(String path, String body, RequestPostProcessor who, int expected) throws Exception {
        return call(post(path).contentType(MediaType.APPLICATION_JSON).content(body), who, expected);
    }

    QuarterKey demoQuarter() {
        QuarterKey key = QuarterKey.of(quarters.today()).previous();
        return quarters.today().isBefore(key.last().plusDays(quarters.scheme().cutOffDays())) ? key.previous() : key;
    }

    static String path(QuarterKey k) {
        return "/api/v1/assessment/quarters/" + k.year() + "/" + k.quarter();
    }

    @Test
    void theDemoHasLastQuartersRankingFrozenAndPublishedWithACriticismBehindEvidence() throws Exception {
        QuarterKey key = demoQuarter();
        JsonNode q = call(get(path(key)), district(), 200);
        assertThat(q.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(q.get("inputsDigest").asString()).hasSize(64);
        assertThat(q.get("ranking").size()).isGreaterThan(1);
        assertThat(q.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
        JsonNode records = call(get("/api/v1/assessment/accountability?quarter=" + key.year() + "-" + key.quarter()), district(), 200);
        assertThat(records.size()).isEqualTo(1);
        assertThat(records.get(0).get("kind").asString()).isEqualTo("CRITICISM");
        assertThat(records.get(0).get("evidence").size()).isPositive();
        JsonNode list = call(get("/api/v1/assessment/quarters"), district(), 200);
        assertThat(list.findValuesAsString("state")).contains("PUBLISHED", "OPEN");
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE link = :l").param("l", "/assessment/" + key.year() + "/" + key.quarter())
                .query(Long.class).single()).as("every unit told").isPositive();
    }

    @Test
    void aFrozenQuarterRecomputesToTheSameRankingAndDigestAfterTheDataChanged() throws Exception {
        QuarterKey key = demoQuarter().previous();
        JsonNode frozen = postJson(path(key) + "/freeze", "{\"reason\": \"季度截止，冻结\"}", district(), 200);
        assertThat(frozen.get("state").asString()).isEqualTo("FROZEN");
        String digest = frozen.get("inputsDigest").asString();
        String stored = jdbc.sql("SELECT inputs FROM assessment_quarter WHERE district_code = :d AND year = :y AND quarter = :q")
                .param("d", DISTRICT).param("y", key.year()).param("q", key.quarter()).query(String.class).single();
        assertThat(org.qingyuan.shared.Sm3.hex(stored)).isEqualTo(digest);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ASSESSMENT_FROZEN'").query(Long.class).single()).isPositive();

        // the underlying data changes after the freeze: a rebound found inside the quarter, recorded late
        Timestamp inQuarter = Timestamp.from(key.first().plusDays(20).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        long patrol = jdbc.sql("""
                INSERT INTO patrol (kind, division_code, participants, started_at, started_by)
                VALUES ('DAY', :d, '{测试}', :at, 'grid') RETURNING id""").param("d", TOWN + "001").param("at", inQuarter)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO patrol_check_in (patrol_id, division_code, checked_at, finding, recorded_by)
                VALUES (:p, :d, :at, 'REBOUND', 'grid')""").param("p", patrol).param("d", TOWN + "001").param("at", inQuarter).update();
        FrozenInputs live = quarters.gather(DivisionCode.of(DISTRICT), key, key.last().plusDays(15), quarters.scheme());
        assertThat(live.value("REBOUNDS", TOWN).value()).as("the live figure moved").isPositive();

        JsonNode again = postJson(path(key) + "/recompute", "{}", district(), 200);
        assertThat(again.get("identical").asBoolean()).isTrue();
        assertThat(again.get("digest").asString()).isEqualTo(digest);
        assertThat(again.get("quarter").get("ranking")).isEqualTo(frozen.get("ranking"));
        JsonNode still = call(get(path(key)), district(), 200);
        assertThat(still.get("ranking")).isEqualTo(frozen.get("ranking"));
        // a second freeze is refused, and the stored inputs cannot be rewritten
        postJson(path(key) + "/freeze", "{}", district(), 409);
        assertThatThrownBy(() -> jdbc.sql("UPDATE assessment_quarter SET inputs = '{}' WHERE district_code = :d AND year = :y AND quarter = :q")
                .param("d", DISTRICT).param("y", key.year()).param("q", key.quarter()).update()).hasMessageContaining("frozen");

        // before publication a town's officer sees his own row only; anyone who reads may recompute
        JsonNode own = call(get(path(key)), TOWN_OFFICER, 200);
        assertThat(own.get("ranking").size()).isEqualTo(1);
        assertThat(own.get("ranking").get(0).get("town").asString()).isEqualTo(TOWN);
        assertThat(postJson(path(key) + "/recompute", "{}", TOWN_OFFICER, 200).get("identical").asBoolean()).isTrue();
        postJson(path(key) + "/publish", "{\"version\": 1}", TOWN_OFFICER, 403);
        call(get(path(key) + "/bulletin"), district(), 404);

        // publish: a stale version is refused, the right one writes the bulletin
        postJson(path(key) + "/publish", "{\"version\": 7}", district(), 409);
        JsonNode published = postJson(path(key) + "/publish", "{\"version\": " + frozen.get("version").asInt() + "}", district(), 200);
        assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
        byte[] docx = mvc.perform(get(path(key) + "/bulletin").with(TOWN_OFFICER)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            for (JsonNode row : frozen.get("ranking")) {
                assertThat(all).contains(row.get("name").asString());
            }
            assertThat(all).contains(digest).contains("考核排名");
        }
        assertThat(call(get(path(key)), TOWN_OFFICER, 200).get("ranking").size()).as("published: the whole ranking")
                .isEqualTo(frozen.get("ranking").size());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ASSESSMENT_PUBLISHED'").query(Long.class).single()).isPositive();
    }

    @Test
    void nobodyFreezesBeforeTheCutOffAndTheSweepFreezesOnceItHasPassed() throws Exception {
        QuarterKey current = QuarterKey.of(quarters.today());
        JsonNode refused = postJson(path(current) + "/freeze", "{}", district(), 409);
        assertThat(refused.get("detail").asString()).contains("截止日");
        postJson(path(current) + "/freeze", "{}", TOWN_OFFICER, 403);
        call(get(path(new QuarterKey(current.year() + 1, current.quarter()))), district(), 404);
        postJson("/api/v1/assessment/quarters/2026/5/freeze", "{}", district(), 400);

        assertThat(sweep.sweep()).as("the demo froze last quarter already").isEmpty();
        QuarterKey old = demoQuarter().previous().previous();
        assertThat(quarters.freezeDue(DivisionCode.of(DISTRICT), current)).isEmpty();
        Quarter q = quarters.freezeDue(DivisionCode.of(DISTRICT), old).orElseThrow();
        assertThat(q.frozenBy()).isEqualTo("system");
        assertThat(q.inputsDigest()).hasSize(64);
        assertThat(quarters.freezeDue(DivisionCode.of(DISTRICT), old)).as("once").isEmpty();
    }

    @Test
    void aTownsOfficerSeesNothingOutsideHisTownAndDistrict() throws Exception {
        QuarterKey key = demoQuarter();
        JsonNode demo = call(get("/api/v1/assessment/accountability"), district(), 200);
        long id = demo.get(0).get("id").asLong();
        String unit = demo.get(0).get("unitCode").asString();
        RequestPostProcessor other = as(RoleCode.TOWN_OFFICER, unit.equals(TOWN) ? "410108002" : TOWN);
        call(get("/api/v1/assessment/accountability/" + id), other, 404);
        assertThat(call(get("/api/v1/assessment/accountability"), other, 200).size()).isZero();
        call(get("/api/v1/assessment/accountability/" + id), as(RoleCode.TOWN_OFFICER, unit), 200);
        // another district's office sees its own district's quarters, never this one's
        JsonNode elsewhere = call(get(path(key)), as(RoleCode.DISTRICT_OFFICE, "650105"), 200);
        assertThat(elsewhere.get("state").asString()).isEqualTo("OPEN");
        call(get("/api/v1/assessment/accountability/" + id), as(RoleCode.DISTRICT_OFFICE, "650105"), 404);
        // departments do not read the assessment
        call(get("/api/v1/assessment/quarters"), as(RoleCode.DEPARTMENT_OFFICER, DISTRICT), 403);
        // the pages
        mvc.perform(get("/assessment").with(TOWN_OFFICER)).andExpect(status().isOk());
        mvc.perform(get("/assessment/" + key.year() + "/" + key.quarter()).with(TOWN_OFFICER)).andExpect(status().isOk());
        mvc.perform(get("/assessment/" + key.year() + "/" + key.quarter()).with(district())).andExpect(status().isOk());
        mvc.perform(get("/assessment/accountability").with(district())).andExpect(status().isOk());
    }

    @Test
    void anAccountabilityRecordNeedsAReasonAndEvidenceIsAuditedAndIsCorrectedNeverDeleted() throws Exception {
        QuarterKey key = demoQuarter();
        String quarter = key.year() + "-" + key.quarter();
        JsonNode bad = postJson("/api/v1/assessment/accountability", """
                {"quarter": "%s", "kind": "SUMMONS", "unitCode": "%s", "reason": " ", "ground": "CONCEALED", "decidedOn": "%s", "evidence": []}
                """.formatted(quarter, TOWN, LocalDate.now()), district(), 400);
        assertThat(bad.get("errors").findValuesAsString("field")).contains("reason", "evidence");
        JsonNode badUnit = postJson("/api/v1/assessment/accountability", """
                {"kind": "SUMMONS", "unitCode": "650105001", "reason": "瞒报", "ground": "CONCEALED", "decidedOn": "%s",
                 "evidence": [{"type": "CASE", "id": "1", "label": "被推翻的销号", "href": "/cases/1"}]}
                """.formatted(LocalDate.now()), district(), 400);
        assertThat(badUnit.get("errors").findValuesAsString("field")).containsExactly("unitCode");
        postJson("/api/v1/assessment/accountability", "{\"kind\": \"WARNING\"}", district(), 400);

        JsonNode created = postJson("/api/v1/assessment/accountability", """
                {"quarter": "%s", "kind": "DISCIPLINE_REFERRAL", "unitCode": "%s", "persons": "张某（副镇长）", "ground": "CONCEALED",
                 "reason": "瞒报已恢复生产企业，移交区纪委监委", "decidedOn": "%s",
                 "evidence": [{"type": "CASE", "id": "1", "label": "被推翻的销号", "href": "/cases/1"}]}
                """.formatted(quarter, TOWN, LocalDate.now()), district(), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("kindName").asString()).isEqualTo("问责（移交纪检监察）");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ACCOUNTABILITY_RECORDED' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        // the decision document, once, in the evidence store
        java.io.ByteArrayOutputStream word = new java.io.ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("关于移交区纪委监委的决定");
            doc.write(word);
        }
        org.springframework.mock.web.MockMultipartFile file = new org.springframework.mock.web.MockMultipartFile("file", "决定.docx",
                "application/octet-stream", word.toByteArray());
        JsonNode withDoc = call(multipart("/api/v1/assessment/accountability/" + id + "/document").file(file), district(), 200);
        assertThat(withDoc.get("documentId").asLong()).isPositive();
        call(multipart("/api/v1/assessment/accountability/" + id + "/document").file(file), district(), 409);
        mvc.perform(get("/api/v1/assessment/accountability/" + id + "/document").with(district())).andExpect(status().isOk());
        // supervisors record too; a town's officer cannot
        postJson("/api/v1/assessment/accountability", "{}", TOWN_OFFICER, 403);

        JsonNode correction = postJson("/api/v1/assessment/accountability", """
                {"quarter": "%s", "kind": "SUMMONS", "unitCode": "%s", "ground": "CONCEALED", "reason": "经复核改为约谈", "decidedOn": "%s",
                 "supersedes": %d, "evidence": [{"type": "CASE", "id": "1", "label": "被推翻的销号", "href": "/cases/1"}]}
                """.formatted(quarter, TOWN, LocalDate.now(), id), as(RoleCode.SUPERVISOR, DISTRICT), 201);
        assertThat(call(get("/api/v1/assessment/accountability/" + id), district(), 200).get("supersededBy").asLong())
                .isEqualTo(correction.get("id").asLong());
        postJson("/api/v1/assessment/accountability", """
                {"kind": "SUMMONS", "unitCode": "%s", "ground": "OTHER", "reason": "再改", "decidedOn": "%s", "supersedes": %d,
                 "evidence": [{"type": "CASE", "id": "1", "label": "x", "href": "/cases/1"}]}
                """.formatted(TOWN, LocalDate.now(), id), district(), 409);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM accountability_record WHERE id = :id").param("id", id).update())
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("UPDATE accountability_record SET reason = 'x' WHERE id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        JsonNode byUnit = call(get("/api/v1/assessment/accountability?unit=" + TOWN + "&kind=SUMMONS"), district(), 200);
        assertThat(byUnit.findValuesAsString("reason")).contains("经复核改为约谈");
    }

    @Test
    void theContributorsAnswerPunctualityFromFirstSubmissionsAndCasesAsOfTheCutOff() {
        QuarterKey key = new QuarterKey(2025, 1);
        LocalDate cutOff = key.last().plusDays(15);
        for (String[] row : new String[][]{{"W1", "2025-01-06", "2025-01-14", "2025-01-14 10:00"}, {"W2", "2025-01-13", "2025-01-21", "2025-01-25 10:00"},
                {"W3", "2025-01-20", "2025-01-28", null}}) {
            jdbc.sql("""
                    INSERT INTO report_submission (policy_id, duty_id, duty_title, parts, period_key, period_label, period_start, cut_off, due,
                                                   remind_on, unit_key, unit_name, unit_kind, unit_division, state, first_submitted_at,
                                                   submitted_at, created_at)
                    VALUES ('test', 'weekly', '周报', '{}', :k, :k, CAST(:start AS date), CAST(:start AS date) + 6, CAST(:due AS date),
                            CAST(:due AS date), :town, '测试镇', 'TOWN', :town, CASE WHEN CAST(:at AS text) IS NULL THEN 'DUE' ELSE 'SUBMITTED' END,
                            CAST(:at AS timestamp) AT TIME ZONE 'Asia/Shanghai', CAST(:at AS timestamp) AT TIME ZONE 'Asia/Shanghai', now())
                    """).param("k", row[0]).param("start", row[1]).param("due", row[2]).param("town", TOWN).param("at", row[3]).update();
        }
        FrozenInputs in = quarters.gather(DivisionCode.of(DISTRICT), key, cutOff, quarters.scheme());
        IndicatorValue punctuality = in.value("REPORT_PUNCTUALITY", TOWN);
        assertThat(punctuality.value()).isEqualByComparingTo("0.3333");
        assertThat(punctuality.basis()).isEqualTo("按时 1 / 应报 3");
        assertThat(punctuality.evidence()).extracting(EvidenceLink::label).anyMatch(l -> l.contains("逾期报送")).anyMatch(l -> l.contains("未报送"));
        assertThat(punctuality.evidence()).allMatch(l -> l.href().startsWith("/reports/submissions/"));
        assertThat(in.value("REPORT_PUNCTUALITY", "410108002")).as("no report due: 无数据").isNull();
        // every town has the rectification figures and the rebounds, zero or not
        in.towns().forEach(t -> {
            assertThat(in.value("COMPLETION_RATE", t.code())).isNotNull();
            assertThat(in.value("OVERDUE_CASES", t.code())).isNotNull();
            assertThat(in.value("REBOUNDS", t.code())).isNotNull();
        });
    }
}
