package org.qingyuan.gatekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A utility uploads consumption readings as CSV (户号,日期,读数), on the page or to the API as text/csv: any bad row is
 * reported by row in Chinese and nothing is taken; a good file raises a rebound lead for a reading over the threshold
 * at a closed-out shut-down site, once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadingsCsvTests {

    static final RequestPostProcessor POWER = as(RoleCode.DEPARTMENT_OFFICER, "410108", "POWER_SUPPLY");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long closed;
    long open;

    @BeforeEach
    void accounts() {
        closed = jdbc.sql("""
                SELECT c.enterprise_id FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id
                 WHERE c.measure = 'SHUTDOWN' AND c.state = 'CLOSED_OUT' AND e.division_code LIKE '410108%'
                 ORDER BY c.enterprise_id DESC LIMIT 1
                """).query(Long.class).single();
        open = jdbc.sql("SELECT enterprise_id FROM rectification_case WHERE state <> 'CLOSED_OUT' AND division_code LIKE '410108%'"
                + " ORDER BY enterprise_id DESC LIMIT 1").query(Long.class).single();
        order(closed, "CSV-9001");
        order(closed, "CSV-9002");
        order(open, "CSV-9003");
    }

    private void order(long enterprise, String account) {
        jdbc.sql("""
                        INSERT INTO utility_order (district_code, division_code, enterprise_id, enterprise_name, utility, action,
                                                   account_no, reason, state, ordered_by, ordered_by_unit, ordered_at)
                        SELECT '410108', e.division_code, e.id, e.name, 'POWER', 'CUT', :account, '关停断电', 'EXECUTED',
                               'district', '410108', now()
                          FROM enterprise e
                         WHERE e.id = :id AND NOT EXISTS (SELECT 1 FROM utility_order o WHERE o.account_no = :account)
                        """)
                .param("id", enterprise).param("account", account).update();
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithTheRowsNamedInChinese() throws Exception {
        long leads = count("SELECT count(*) FROM lead");
        long audits = count("SELECT count(*) FROM audit_record WHERE action = 'UTILITY_READINGS_RECEIVED'");
        String csv = "户号,日期,读数\nCSV-9001,2026-11-30,900\nCSV-9002,2026-13-01,5\nNO-SUCH,2026-11-30,7\nCSV-9003,2026-11-30,-1\n";
        var response = mvc.perform(multipart("/gatekeeping/readings").file(file(csv)).with(POWER).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未导入任何读数", "第 3 行：日期“2026-13-01”无效", "第 4 行：户号“NO-SUCH”在本辖区没有供电指令",
                "第 5 行：读数“-1”不能为负数");
        assertThat(page).doesNotContain("第 2 行");
        assertThat(count("SELECT count(*) FROM lead")).isEqualTo(leads);
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'UTILITY_READINGS_RECEIVED'")).isEqualTo(audits);

        var api = mvc.perform(post("/api/v1/gatekeeping/readings").param("utility", "POWER").contentType("text/csv")
                .content("CSV-9001,2026-11-30\n").with(POWER).with(csrf())).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentType()).contains("application/problem+json");
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("第 1 行：应有 3 列");
    }

    @Test
    void aReadingOverTheThresholdAtAClosedSiteRaisesOneReboundLead() throws Exception {
        String csv = "\uFEFF户号,日期,读数\r\nCSV-9001,2026-11-30,860.5\r\nCSV-9002,2026-11-30,2\r\nCSV-9003,2026-11-30,9000\r\n";
        var response = mvc.perform(multipart("/gatekeeping/readings").file(file(csv)).with(POWER).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("已导入 3 条读数，其中已关停场所 2 条，推送反弹线索 1 条");
        long lead = count("SELECT max(id) FROM lead WHERE description LIKE '%CSV-9001%'");
        assertThat(count("SELECT count(*) FROM lead WHERE description LIKE '%CSV-9003%'")).isZero();

        String again = mvc.perform(post("/api/v1/gatekeeping/readings").param("utility", "POWER").contentType("text/csv")
                .content(csv).with(POWER).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("\"leadIds\":[" + lead + "]");
        assertThat(count("SELECT count(*) FROM lead WHERE description LIKE '%CSV-9001%'")).isOne();
    }

    private static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "readings.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
