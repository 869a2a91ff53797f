package org.qingyuan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.notification.Inbox;
import org.qingyuan.reporting.internal.ReportingSweep;
import org.qingyuan.shared.Sm3;
import org.qingyuan.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reporting over HTTP with a moved clock: a town prepares and submits its monthly report in two clicks and what it
 * submitted never changes; the district office returns it and a correction supersedes it; reminders before the due
 * date and lateness after it; bulletins numbered, frozen and sent to every unit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportingTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RequestPostProcessor TOWN = as(RoleCode.TOWN_OFFICER, "410108001");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Inbox inbox;
    @Autowired ReportingSweep sweep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    void moveTo(LocalDate day) {
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), day)));
    }

    JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The unit's current submission of the monthly ledger whose period contains today. */
    JsonNode current(RequestPostProcessor who, String unit) throws Exception {
        JsonNode list = json(mvc.perform(get("/api/v1/reports/submissions").with(who).param("report", "monthly-ledger"))
                .andExpect(status().isOk()));
        for (JsonNode s : list) {
            LocalDate start = LocalDate.parse(s.get("period").get("start").asString());
            LocalDate cutOff = LocalDate.parse(s.get("period").get("cutOff").asString());
            if (s.get("unit").get("key").asString().equals(unit) && !today().isBefore(start) && !today().isAfter(cutOff)) {
                return s;
            }
        }
        throw new AssertionError("no current submission of " + unit + " in " + list);
    }

    String register(String prefix) throws Exception {
        String village = jdbc.sql("SELECT min(code) FROM division WHERE parent_code = '410108001'").query(String.class).single();
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"divisionCode\": \"" + village
                                + "\", \"type\": \"SLW\", \"discovery\": \"PATROL\"}"))
                .andExpect(status().isCreated());
        return name;
    }

    String command(int version) {
        return "{\"version\": " + version + "}";
    }

    @Test
    void aTownSubmitsInTwoClicksAndWhatItSubmittedNeverChanges() throws Exception {
        sweep.sweep(today());
        JsonNode s = current(TOWN, "410108001");
        long id = s.get("id").asLong();
        assertThat(s.get("state").asString()).isEqualTo("DUE");
        assertThat(s.get("report").get("parts")).extracting(JsonNode::asString)
                .containsExactly("LEDGER_FORM", "WRITTEN_SUMMARY", "SEALED_SCAN");

        mvc.perform(post("/api/v1/reports/submissions/" + id + "/submit").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(s.get("version").asInt())))
                .andExpect(status().isConflict());
        JsonNode prepared = json(mvc.perform(post("/api/v1/reports/submissions/" + id + "/prepare").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(s.get("version").asInt())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PREPARED")));
        assertThat(prepared.get("files")).extracting(f -> f.get("part").asString()).contains("LEDGER_FORM");
        int v = prepared.get("version").asInt();
        mvc.perform(post("/api/v1/reports/submissions/" + id + "/submit").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(v)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("工作总结")));
        v = json(mvc.perform(put("/api/v1/reports/submissions/" + id + "/summary").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + v + ", \"summary\": \"本月排查新发现企业，整治工作有序推进。\"}"))
                .andExpect(status().isOk())).get("version").asInt();
        mvc.perform(multipart("/api/v1/reports/submissions/" + id + "/scan")
                        .file(new MockMultipartFile("file", "盖章件.pdf", "application/pdf", "not a pdf at all".getBytes()))
                        .param("version", Integer.toString(v)).with(TOWN).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PDF")));
        v = json(mvc.perform(multipart("/api/v1/reports/submissions/" + id + "/scan")
                        .file(new MockMultipartFile("file", "盖章件.pdf", "application/pdf", PDF))
                        .param("version", Integer.toString(v)).with(TOWN).with(csrf()))
                .andExpect(status().isOk())).get("version").asInt();
        JsonNode submitted = json(mvc.perform(post("/api/v1/reports/submissions/" + id + "/submit").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(v)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.sealValid").value(true)).andExpect(jsonPath("$.late").value(false)));
        assertThat(submitted.get("files")).extracting(f -> f.get("part").asString())
                .containsExactlyInAnyOrder("LEDGER_FORM", "WRITTEN_SUMMARY", "SEALED_SCAN");
        String seal = submitted.get("seal").asString();

        byte[] form = mvc.perform(get("/api/v1/reports/submissions/" + id + "/files/LEDGER_FORM").with(TOWN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String formDigest = null;
        for (JsonNode f : submitted.get("files")) {
            if (f.get("part").asString().equals("LEDGER_FORM")) {
                formDigest = f.get("sm3").asString();
            }
        }
        assertThat(Sm3.hex(form)).as("the downloaded form is the one sealed").isEqualTo(formDigest);

        // the ledger changes after submission: the submitted file does not
        String village = jdbc.sql("SELECT min(code) FROM division WHERE parent_code = '410108001'").query(String.class).single();
        mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"报送后登记厂" + UUID.randomUUID().toString().substring(0, 6) + "\", \"divisionCode\": \""
                                + village + "\", \"type\": \"SLW\", \"discovery\": \"PATROL\"}"))
                .andExpect(status().isCreated());
        byte[] again = mvc.perform(get("/api/v1/reports/submissions/" + id + "/files/LEDGER_FORM").with(TOWN))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(form);
        mvc.perform(get("/api/v1/reports/submissions/" + id).with(district()))
                .andExpect(jsonPath("$.seal").value(seal)).andExpect(jsonPath("$.sealValid").value(true));
        assertThatThrownBy(() -> jdbc.sql("UPDATE report_file SET content = '\\x00' WHERE submission_id = :id").param("id", id).update())
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.sql("UPDATE report_submission SET summary = 'x' WHERE id = :id").param("id", id).update())
                .hasMessageContaining("frozen");
        mvc.perform(post("/api/v1/reports/submissions/" + id + "/prepare").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(submitted.get("version").asInt())))
                .andExpect(status().isConflict());

        // another town neither sees nor submits it; the district office answers it
        mvc.perform(get("/api/v1/reports/submissions/" + id).with(as(RoleCode.TOWN_OFFICER, "410108002"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/reports/submissions/" + id + "/receive").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(submitted.get("version").asInt())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/reports/submissions/" + id + "/return").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + submitted.get("version").asInt() + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("请填写退回原因"));
        JsonNode returned = json(mvc.perform(post("/api/v1/reports/submissions/" + id + "/return").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + submitted.get("version").asInt() + ", \"reason\": \"完成情况栏未填完成日期\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RETURNED")));
        assertThat(inbox.messages("town", 500)).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo("REPORT_RETURNED");
            assertThat(m.link()).isEqualTo("/reports/submissions/" + id);
        });

        // the correction supersedes it; both are kept
        JsonNode correction = json(mvc.perform(post("/api/v1/reports/submissions/" + id + "/correction").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(returned.get("version").asInt())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.generation").value(2))
                .andExpect(jsonPath("$.supersedes").value(id)).andExpect(jsonPath("$.state").value("DUE")));
        mvc.perform(get("/api/v1/reports/submissions/" + id).with(TOWN))
                .andExpect(jsonPath("$.supersededBy").value(correction.get("id").asLong()))
                .andExpect(jsonPath("$.state").value("RETURNED")).andExpect(jsonPath("$.sealValid").value(true));
        mvc.perform(get("/api/v1/reports/submissions/" + correction.get("id").asLong() + "/chain").with(TOWN))
                .andExpect(jsonPath("$.length()").value(2));
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'ReportSubmission' AND object_id = :id ORDER BY id")
                .param("id", Long.toString(id)).query(String.class).list())
                .containsSubsequence("REPORT_PREPARED", "REPORT_SUBMITTED", "REPORT_RETURNED", "REPORT_CORRECTION_STARTED");
    }

    @Autowired ReportPunctuality punctuality;

    ReportPunctuality.TownReports town(String code) {
        return punctuality.byTown(org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of(code))).stream()
                .filter(t -> t.divisionCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theHomePagesPunctualityMovesFromPendingToMissingAtTheDueDateAndALateSubmissionCountsLate() throws Exception {
        sweep.sweep(today());
        JsonNode now = current(TOWN, "410108001");
        // two periods ahead: a period no other test submits
        for (int i = 0; i < 2; i++) {
            moveTo(LocalDate.parse(now.get("period").get("cutOff").asString()).plusDays(1));
            sweep.sweep(today());
            now = current(TOWN, "410108001");
        }
        JsonNode next = now;
        long id = next.get("id").asLong();
        LocalDate due = LocalDate.parse(next.get("period").get("due").asString());
        var scope = org.qingyuan.access.Scope.of(org.qingyuan.shared.DivisionCode.of("410108001"));
        ReportPunctuality.TownReports before = town("410108001");
        assertThat(before.due()).isEqualTo(before.onTime() + before.late() + before.missing() + before.pending());
        assertThat(punctuality.open(scope)).filteredOn(r -> r.id() == id).singleElement()
                .satisfies(r -> assertThat(r.overdue()).isFalse());

        moveTo(due);
        assertThat(town("410108001")).isEqualTo(before);
        moveTo(due.plusDays(1));
        ReportPunctuality.TownReports overdue = town("410108001");
        assertThat(overdue.missing()).isEqualTo(before.missing() + 1);
        assertThat(overdue.pending()).isEqualTo(before.pending() - 1);
        assertThat(punctuality.open(scope)).filteredOn(r -> r.id() == id).singleElement()
                .satisfies(r -> assertThat(r.overdue()).isTrue());

        int v = json(mvc.perform(post("/api/v1/reports/submissions/" + id + "/prepare").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(next.get("version").asInt())))
                .andExpect(status().isOk())).get("version").asInt();
        v = json(mvc.perform(put("/api/v1/reports/submissions/" + id + "/summary").with(TOWN).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + v + ", \"summary\": \"补报\"}"))).get("version").asInt();
        v = json(mvc.perform(multipart("/api/v1/reports/submissions/" + id + "/scan")
                .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", PDF)).param("version", Integer.toString(v))
                .with(TOWN).with(csrf()))).get("version").asInt();
        mvc.perform(post("/api/v1/reports/submissions/" + id + "/submit").with(TOWN).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(command(v))).andExpect(status().isOk());
        ReportPunctuality.TownReports submitted = town("410108001");
        assertThat(submitted.late()).isEqualTo(before.late() + 1);
        assertThat(submitted.missing()).isEqualTo(before.missing());
        assertThat(submitted.onTime()).isEqualTo(before.onTime());
        assertThat(punctuality.open(scope)).noneMatch(r -> r.id() == id);
    }

    @Test
    void unitsAreRemindedBeforeTheDueDateAndALateSubmissionStaysLate() throws Exception {
        sweep.sweep(today());
        JsonNode now = current(TOWN, "410108001");
        // the next period, whatever today is
        moveTo(LocalDate.parse(now.get("period").get("cutOff").asString()).plusDays(1));
        sweep.sweep(today());
        JsonNode next = current(TOWN, "410108001");
        LocalDate due = LocalDate.parse(next.get("period").get("due").asString());
        long id = next.get("id").asLong();

        String before = register("截止前登记厂");
        JsonNode listed = json(mvc.perform(get("/api/v1/reports/submissions/" + id).with(TOWN)));
        assertThat(listed.get("late").asBoolean()).isFalse();
        LocalDate remind = jdbc.sql("SELECT remind_on FROM report_submission WHERE id = :id").param("id", id)
                .query(LocalDate.class).single();
        assertThat(remind).isBefore(due);
        moveTo(remind);
        sweep.sweep(today());
        sweep.sweep(today());
        assertThat(inbox.messages("town", 500)).filteredOn(m -> m.kind().equals("REPORT_DUE_SOON")
                && m.link().equals("/reports/submissions/" + id)).hasSize(1);

        moveTo(due.plusDays(1));
        sweep.sweep(today());
        assertThat(inbox.messages("district", 500)).filteredOn(m -> m.kind().equals("REPORT_LATE")
                && m.link().equals("/reports/submissions/" + id)).hasSize(1);
        mvc.perform(get("/api/v1/reports/submissions/" + id).with(TOWN)).andExpect(jsonPath("$.late").value(true));
        // past the cut-off too, which follows the due date when a day off moved the due date earlier
        LocalDate cutOff = LocalDate.parse(next.get("period").get("cutOff").asString());
        if (!today().isAfter(cutOff)) {
            moveTo(cutOff.plusDays(1));
        }
        String after = register("截止后登记厂");

        int v = json(mvc.perform(post("/api/v1/reports/submissions/" + id + "/prepare").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(next.get("version").asInt())))
                .andExpect(status().isOk())).get("version").asInt();
        v = json(mvc.perform(put("/api/v1/reports/submissions/" + id + "/summary").with(TOWN).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + v + ", \"summary\": \"本月工作总结\"}"))).get("version").asInt();
        v = json(mvc.perform(multipart("/api/v1/reports/submissions/" + id + "/scan")
                .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", PDF)).param("version", Integer.toString(v))
                .with(TOWN).with(csrf()))).get("version").asInt();
        mvc.perform(post("/api/v1/reports/submissions/" + id + "/submit").with(TOWN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(command(v)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.late").value(true));
        // the form was generated as of the period's cut-off, not as of the late day it was prepared
        String asOf = json(mvc.perform(get("/api/v1/reports/submissions/" + id).with(TOWN))).get("asOf").asString();
        assertThat(java.time.Instant.parse(asOf).atZone(CHINA).toLocalDate()).isEqualTo(LocalDate.parse(next.get("period").get("cutOff").asString()));
        byte[] form = mvc.perform(get("/api/v1/reports/submissions/" + id + "/files/LEDGER_FORM").with(TOWN))
                .andReturn().getResponse().getContentAsByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(form))) {
            java.util.List<String> names = wb.getFirstSheet().read().stream().flatMap(r -> r.stream())
                    .filter(java.util.Objects::nonNull).map(c -> c.getText()).toList();
            assertThat(names).as("registered before the cut-off").contains(before).as("registered after it").doesNotContain(after);
        }
    }

    @Test
    void theOfficePublishesNumberedBulletinsOnceAndEveryUnitGetsThem() throws Exception {
        // the demo published last week's: the latest week without a bulletin
        LocalDate lastWeek = today().minusWeeks(1);
        JsonNode draft = json(mvc.perform(get("/api/v1/bulletins/draft").with(district()).param("kind", "WEEKLY")
                .param("day", lastWeek.toString())).andExpect(status().isOk()));
        while (draft.get("alreadyPublished").asBoolean()) {
            lastWeek = lastWeek.minusWeeks(1);
            draft = json(mvc.perform(get("/api/v1/bulletins/draft").with(district()).param("kind", "WEEKLY")
                    .param("day", lastWeek.toString())).andExpect(status().isOk()));
        }
        assertThat(draft.get("alreadyPublished").asBoolean()).isFalse();
        assertThat(draft.get("ranking")).isNotEmpty();
        mvc.perform(post("/api/v1/bulletins").with(TOWN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"WEEKLY\", \"day\": \"" + lastWeek + "\"}"))
                .andExpect(status().isForbidden());
        JsonNode published = json(mvc.perform(post("/api/v1/bulletins").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"WEEKLY\", \"day\": \"" + lastWeek + "\", \"problems\": \"个别镇街台账更新不及时。\","
                                + " \"requirements\": \"各镇街于下周五前完成逾期企业整治。\"}"))
                .andExpect(status().isCreated()));
        assertThat(draft.get("number").asString()).isEqualTo("〔" + today().getYear() + "〕第" + published.get("number").asInt() + "期");
        long id = published.get("id").asLong();
        mvc.perform(post("/api/v1/bulletins").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"WEEKLY\", \"day\": \"" + lastWeek + "\"}"))
                .andExpect(status().isConflict());
        byte[] docx = mvc.perform(get("/api/v1/bulletins/" + id + "/file").with(TOWN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Sm3.hex(docx)).isEqualTo(published.get("sm3").asString());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("〔" + today().getYear() + "〕第" + published.get("number").asInt() + "期")
                    .contains("周通报").contains("新城街道").contains("个别镇街台账更新不及时").contains("领导小组办公室");
        }
        assertThat(inbox.messages("town", 500)).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo("BULLETIN_PUBLISHED");
            assertThat(m.link()).isEqualTo("/bulletins/" + id);
        });
        assertThatThrownBy(() -> jdbc.sql("UPDATE bulletin SET title = 'x' WHERE id = :id").param("id", id).update())
                .hasMessageContaining("frozen");
    }
}
