package org.qingyuan.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.complaint.internal.ComplaintHandling;
import org.qingyuan.complaint.internal.ComplaintIntake;
import org.qingyuan.complaint.internal.ComplaintSweep;
import org.qingyuan.complaint.internal.Intake;
import org.qingyuan.complaint.internal.PublicTracking;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.platform.FieldKeys;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Complaints handled end to end against the real database: the reporter's contact sealed at rest (read back over JDBC),
 * masked on the pages and absent from the list, unmasked only with a reason and audited; triage → town with a
 * working-day deadline → check-in with photos → founded (a lead) or unfounded → reply → rating by tracking code; the
 * overdue sweep; retention; key rotation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComplaintHandlingTests {

    static final String DISTRICT = "410108";
    static final String PHONE = "13987650719";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ComplaintIntake intake;
    @Autowired ComplaintHandling handling;
    @Autowired PublicTracking tracking;
    @Autowired ComplaintSweep sweep;
    @Autowired FieldKeys keys;

    static CurrentUser office() {
        return new CurrentUser(0, "district", "区办", "DISTRICT_OFFICE", "区办", DivisionCode.of(DISTRICT), null);
    }

    String town() {
        return jdbc.sql("SELECT code FROM division WHERE code LIKE :d || '%' AND length(code) = 9 ORDER BY code LIMIT 1")
                .param("d", DISTRICT).query(String.class).single();
    }

    CurrentUser townOfficer(String town) {
        return new CurrentUser(0, "town", "镇街", "TOWN_OFFICER", "镇街", DivisionCode.of(town), null);
    }

    Complaint received(String description) {
        return intake.receive(new Intake(Channel.HOTLINE, null, ServiceKind.SLW, description, "金河路北段废品站西侧", 113.62, 34.85,
                new Reporter("王小明", PHONE, "410108199001011234"), List.of(), null, null, null));
    }

    Complaint verified(Complaint c, String town) {
        c = handling.triage(c.id(), c.version(), town, "属地核查", office());
        c = handling.assign(c.id(), c.version(), office());
        byte[] photo = DemoPhotos.sitePhoto(true, 7, "complaint", Instant.now(), 34.85, 113.62);
        return handling.verify(c.id(), c.version(), 113.62, 34.85, "现场有喷漆作业", List.of(new Intake.Photo("现场.jpg", photo)),
                townOfficer(town));
    }

    @Test
    void theReportersContactIsSealedAtRestAndNoTableHoldsThePhoneInPlainText() {
        Complaint c = received("封存测试：夜间喷漆");
        var row = jdbc.sql("SELECT reporter_name, reporter_phone, reporter_id_no FROM complaint WHERE id = :id").param("id", c.id())
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(row).allSatisfy(v -> assertThat(v).startsWith("sm4:").doesNotContain(PHONE).doesNotContain("王小明"));
        for (String table : List.of("complaint", "complaint_step", "audit_record")) {
            long hits = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE row_to_json(t)::text LIKE '%' || :p || '%'")
                    .param("p", PHONE).query(Long.class).single();
            assertThat(hits).as(table).isZero();
        }
    }

    @Test
    void thePagesShowTheReporterMaskedAndTheListNotAtAll() throws Exception {
        Complaint c = received("脱敏测试：院内熔铝");
        String page = mvc.perform(get("/complaints/" + c.id()).with(as(RoleCode.DISTRICT_OFFICE, DISTRICT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("139****0719").doesNotContain(PHONE).doesNotContain("王小明");
        String list = mvc.perform(get("/complaints").with(as(RoleCode.DISTRICT_OFFICE, DISTRICT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(c.trackingCode()).doesNotContain("139****0719").doesNotContain("王**").doesNotContain("王小明");
    }

    @Test
    void unmaskingNeedsThePermissionAndAReasonAndEachIsAudited() throws Exception {
        Complaint c = received("查看测试：露天焚烧");
        mvc.perform(post("/complaints/" + c.id() + "/reporter").with(as(RoleCode.TOWN_OFFICER, town())).with(csrf())
                .param("reason", "回访举报人")).andExpect(status().isForbidden());
        String refused = mvc.perform(post("/complaints/" + c.id() + "/reporter").with(as(RoleCode.DISTRICT_OFFICE, DISTRICT))
                .with(csrf()).param("reason", "")).andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContain(PHONE).contains("请说明");
        String shown = mvc.perform(post("/complaints/" + c.id() + "/reporter").with(as(RoleCode.DISTRICT_OFFICE, DISTRICT))
                .with(csrf()).param("reason", "核实举报内容需回访举报人")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(shown).contains(PHONE).contains("王小明");
        assertThat(jdbc.sql("""
                SELECT reason FROM audit_record WHERE action = 'REPORTER_UNMASKED' AND object_id = :id AND outcome = 'SUCCESS'
                """).param("id", Long.toString(c.id())).query(String.class).list()).containsExactly("核实举报内容需回访举报人");
    }

    @Test
    void aComplaintIsTriagedAssignedVerifiedDecidedAnsweredAndRatedByItsTrackingCode() {
        String town = town();
        Complaint c = verified(received("流程测试：无证塑料颗粒加工"), town);
        assertThat(c.state()).isEqualTo(ComplaintState.VERIFIED);
        assertThat(c.deadline()).isAfter(handling.today());
        assertThatThrownBy(() -> handling.reply(c.id(), c.version(), "答复", office())).isInstanceOf(ConflictException.class);
        Complaint unfounded = handling.unfound(c.id(), c.version(), "现场为合法登记的汽修厂，有环评手续", townOfficer(town));
        Complaint replied = handling.reply(unfounded.id(), unfounded.version(), "经核查，该处为合法经营的汽修厂。感谢您的监督。",
                townOfficer(town));
        var status = tracking.status(replied.trackingCode().toLowerCase().replace("-", " "));
        assertThat(status.state()).isEqualTo("已答复");
        assertThat(status.reply()).contains("合法经营");
        assertThat(status.steps()).extracting(PublicTracking.PublicStep::text).contains("举报已受理", "已交办属地核查", "已答复")
                .noneMatch(t -> t.contains("town") || t.contains("district"));
        assertThat(tracking.rate(replied.trackingCode(), 4, "处理及时").rating()).isEqualTo(4);
        assertThatThrownBy(() -> tracking.rate(replied.trackingCode(), 5, null)).isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'Complaint' AND object_id = :id ORDER BY id")
                .param("id", Long.toString(c.id())).query(String.class).list()).contains("COMPLAINT_RECEIVED", "COMPLAINT_TRIAGED",
                "COMPLAINT_ASSIGNED", "COMPLAINT_VERIFIED", "COMPLAINT_UNFOUNDED", "COMPLAINT_REPLIED", "COMPLAINT_RATED");
    }

    @Test
    void aFoundedComplaintWithoutALedgerEntryIsFiledAsALeadOfTheTown() {
        String town = town();
        Complaint c = verified(received("线索测试：河边小炼油"), town);
        Complaint founded = handling.found(c.id(), c.version(), null, "确有小炼油作坊", townOfficer(town));
        assertThat(founded.state()).isEqualTo(ComplaintState.FOUNDED);
        assertThat(founded.leadId()).isNotNull();
        assertThat(jdbc.sql("SELECT source || ':' || source_ref FROM lead WHERE id = :id").param("id", founded.leadId())
                .query(String.class).single()).isEqualTo("COMPLAINT:" + c.trackingCode());
    }

    @Test
    void aTownSeesOnlyComplaintsHandedToItAndNothingBeforeTriage() {
        Complaint c = received("辖区测试：小作坊");
        assertThatThrownBy(() -> handling.get(c.id(), townOfficer(town()).scope())).isInstanceOf(org.qingyuan.shared.NotFoundException.class);
        Complaint triaged = handling.triage(c.id(), c.version(), town(), null, office());
        assertThat(handling.get(triaged.id(), townOfficer(town()).scope()).id()).isEqualTo(c.id());
    }

    @Test
    void overdueComplaintsRemindTheTownDailyAndEscalateToTheDistrictOnce() {
        String town = town();
        Complaint c = received("逾期测试：夜间生产");
        c = handling.triage(c.id(), c.version(), town, null, office());
        c = handling.assign(c.id(), c.version(), office());
        LocalDate late = c.deadline().plusDays(3);
        assertThat(sweep.remindOverdue(late)).isPositive();
        assertThat(sweep.remindOverdue(late)).isZero();
        sweep.remindOverdue(late.plusDays(1));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'COMPLAINT_ESCALATED' AND object_id = :id")
                .param("id", Long.toString(c.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void contactsAreDeletedOnceTheRetentionPeriodAfterTheReplyHasPassed() {
        String town = town();
        Complaint c = verified(received("保存期限测试"), town);
        c = handling.unfound(c.id(), c.version(), "不属实", townOfficer(town));
        c = handling.reply(c.id(), c.version(), "经核查不属实", townOfficer(town));
        jdbc.sql("UPDATE complaint SET replied_at = now() - interval '400 days' WHERE id = :id").param("id", c.id()).update();
        sweep.deleteOldContacts();
        assertThat(jdbc.sql("SELECT reporter_phone IS NULL AND contact_deleted_at IS NOT NULL FROM complaint WHERE id = :id")
                .param("id", c.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aKeyRotationSealsEveryContactAndPlainTotpSecretAgainUnderTheNewKey() throws Exception {
        Complaint c = received("轮换测试");
        jdbc.sql("UPDATE app_user SET totp_secret = 'JBSWY3DPEHPK3PXP' WHERE username = 'auditor'").update();
        String before = jdbc.sql("SELECT reporter_phone FROM complaint WHERE id = :id").param("id", c.id()).query(String.class).single();
        String newKey = keys.rotate();
        String after = jdbc.sql("SELECT reporter_phone FROM complaint WHERE id = :id").param("id", c.id()).query(String.class).single();
        assertThat(after).startsWith("sm4:" + newKey + ":").isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT totp_secret FROM app_user WHERE username = 'auditor'").query(String.class).single())
                .startsWith("sm4:" + newKey + ":");
        String page = mvc.perform(post("/complaints/" + c.id() + "/reporter").with(as(RoleCode.DISTRICT_OFFICE, DISTRICT))
                .with(csrf()).param("reason", "轮换后核对")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(PHONE);
        jdbc.sql("UPDATE app_user SET totp_secret = NULL WHERE username = 'auditor'").update();
    }

    @Test
    void theDemoHasComplaintsInEveryStateAndAPaidReward() {
        assertThat(jdbc.sql("SELECT DISTINCT state FROM complaint WHERE received_by = 'system'").query(String.class).list())
                .containsAll(java.util.Arrays.stream(ComplaintState.values()).map(Enum::name).toList());
        assertThat(jdbc.sql("SELECT count(*) FROM complaint_reward WHERE paid_at IS NOT NULL").query(Long.class).single()).isPositive();
    }

    @Test
    void anOfficerRecordsAHotlineCallAndAFoundedComplaintAtAClosedOutSiteReopensItsCase() throws Exception {
        var site = jdbc.sql("""
                SELECT e.id, e.division_code, c.id FROM enterprise e JOIN rectification_case c ON c.enterprise_id = e.id
                 WHERE c.state = 'CLOSED_OUT' AND e.division_code LIKE '410108%' ORDER BY c.id DESC LIMIT 1
                """).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).single();
        String town = ((String) site[1]).substring(0, 9);
        var district = as(RoleCode.DISTRICT_OFFICE, DISTRICT);
        var officer = as(RoleCode.TOWN_OFFICER, town);
        String location = mvc.perform(post("/complaints").with(district).with(csrf()).param("service", "REBOUND")
                        .param("description", "电话反映：已关停的厂子晚上又开工").param("address", "厂区门口").param("phone", PHONE)
                        .param("calledAt", "2026-12-01T20:15"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT channel FROM complaint WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("HOTLINE");
        mvc.perform(post("/complaints/" + id + "/triage").with(district).with(csrf()).param("version", "0").param("divisionCode", town))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/complaints/" + id + "/assignment").with(officer).with(csrf()).param("version", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/complaints/" + id + "/assignment").with(district).with(csrf()).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        byte[] photo = DemoPhotos.sitePhoto(true, 8, "complaint", Instant.now(), 34.85, 113.62);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/complaints/" + id + "/verification")
                .file(new org.springframework.mock.web.MockMultipartFile("photo", "现场.jpg", "image/jpeg", photo)).with(officer)
                .with(csrf()).param("version", "2").param("longitude", "113.62").param("latitude", "34.85"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/complaints/" + id + "/founded").with(officer).with(csrf()).param("version", "3")
                .param("enterpriseId", site[0].toString())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT state || ':' || enterprise_id || ':' || case_id FROM complaint WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("FOUNDED:" + site[0] + ":" + site[2]);
        assertThat(jdbc.sql("SELECT state FROM rectification_case WHERE id = :id").param("id", site[2]).query(String.class).single())
                .isEqualTo("REOPENED");
        // a stale version is refused, nothing changes
        String stale = mvc.perform(post("/complaints/" + id + "/reply").with(officer).with(csrf()).param("version", "3").param("reply", "x"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error").toString();
        assertThat(stale).contains("已被他人修改");
    }
}
