package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official ledger forms as the ledger stood at a past instant ({@link OfficialForms} and the export's {@code asOf}),
 * with the clock moved a day: enterprises registered, edited, moved, withdrawn and added after the instant; the forms
 * read back with fastexcel-reader.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormsAsOfTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** 古荥镇, and 花园口镇 where an enterprise moves to. */
    static final String TOWN = "410108101";
    static final String OTHER_TOWN = "410108100";
    /** Huiji: a furniture workshop against the planning → 限期拆除, a case opens at once. */
    static final String SHUTDOWN_FACTS = """
            "industry": "FURNITURE", "facts": {"conformsToPlanning": false, "hasEiaApproval": true, "hasPlanningApproval": true, "hasBusinessLicence": true,
            "hasIllegalBuildings": false, "emissionsOverStandard": false}""";
    /** The survey ledger's columns read here. */
    static final int VILLAGE = 1, NAME = 2, APPROVALS = 7, REPORTED_ON = 9, PROGRESS = 12;

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
    @Autowired OfficialForms forms;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CHINA).toInstant().minus(1, ChronoUnit.MICROS);
    }

    /** The n-th village of a town, by code. */
    String village(String town, int n) {
        return jdbc.sql("SELECT code FROM division WHERE parent_code = :t ORDER BY code OFFSET :n LIMIT 1").param("t", town)
                .param("n", n).query(String.class).single();
    }

    String divisionName(String code) {
        return jdbc.sql("SELECT name FROM division WHERE code = :c").param("c", code).query(String.class).single();
    }

    long register(String name, String village, String reportedOn, String extra) throws Exception {
        String body = """
                {"name": "%s", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL", "reportedOn": "%s"%s}
                """.formatted(name, village, reportedOn, extra);
        return JSON.readTree(mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    void edit(long id, String fields) throws Exception {
        int version = JSON.readTree(mvc.perform(get("/api/v1/enterprises/" + id).with(district()))
                .andReturn().getResponse().getContentAsString()).get("version").asInt();
        mvc.perform(patch("/api/v1/enterprises/" + id).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"reason\": \"核实更正\", " + fields + "}"))
                .andExpect(status().isOk());
    }

    void withdraw(long id) throws Exception {
        mvc.perform(post("/api/v1/enterprises/" + id + "/withdrawal").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"ENTERED_IN_ERROR\", \"note\": \"按日期报表测试\"}"))
                .andExpect(status().isOk());
    }

    /** The form as {@link OfficialForms} writes it, in a transaction as the reporting module calls it. */
    List<Row> formAsOf(String form, String division, Instant asOf, LocalDate formDate) {
        byte[] file = tx.execute(s -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                forms.write(form, DivisionCode.of(division), asOf, formDate, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
        return read(file);
    }

    List<Row> export(RequestPostProcessor who, String query) throws Exception {
        return read(mvc.perform(get("/api/v1/exports/ledger.xlsx?" + query).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    static List<Row> read(byte[] file) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            return wb.getFirstSheet().read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows between the header (row 4) and the footnotes: those numbered in 序号. */
    static List<Row> data(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows.subList(4, rows.size())) {
            if (r.getCellCount() == 0 || r.getCell(0) == null || !r.getCellText(0).matches("\\d+")) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    static List<String> column(List<Row> rows, int column) {
        return rows.stream().map(r -> r.getCellCount() > column && r.getCell(column) != null ? r.getCellText(column) : "").toList();
    }

    static List<List<String>> cells(List<Row> rows) {
        return rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
    }

    static Row named(List<Row> rows, int column, String name) {
        return rows.stream().filter(r -> name.equals(r.getCellText(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + column(rows, column)));
    }

    static String cell(Row r, int column) {
        return r.getCellCount() > column && r.getCell(column) != null ? r.getCellText(column) : "";
    }

    @Test
    void theFormAsOfADayListsTheLedgerOfThatDayWithTheValuesOfThen() throws Exception {
        String tag = "期" + UUID.randomUUID().toString().substring(0, 5);
        LocalDate day0 = today();
        String village0 = village(TOWN, 0);
        String village1 = village(TOWN, 1);
        long moved = register(tag + "甲铸造厂", village0, "2017-02-20", """
                , "employees": 12, "facts": {"hasEiaApproval": false, "involvesGas": true}""");
        long withdrawn = register(tag + "乙家具厂", village1, "2017-02-21", ", " + SHUTDOWN_FACTS);
        long classifiedLater = register(tag + "丁印刷厂", village0, "2017-02-18", "");

        // the next day: one is renamed, gets its EIA approval and moves to another town; one leaves the ledger (its
        // case is withdrawn); one is classified (its case opens) and its reported date corrected; a new one is registered
        clock.advance(Duration.ofDays(1));
        edit(moved, "\"name\": \"" + tag + "甲铸造厂（更名）\", \"facts\": {\"hasEiaApproval\": true}, \"divisionCode\": \""
                + village(OTHER_TOWN, 0) + "\"");
        withdraw(withdrawn);
        edit(classifiedLater, SHUTDOWN_FACTS + ", \"reportedOn\": \"2017-03-01\"");
        register(tag + "丙砖厂", village0, "2017-02-19", "");

        List<Row> form = formAsOf("survey", TOWN, endOf(day0), day0);
        assertThat(form.get(0).getCellText(0)).isEqualTo("惠济区小散乱污企业排查台账");
        assertThat(form.get(1).getCellText(0)).startsWith("镇（办）：古荥镇");
        assertThat(form.get(2).getCellText(0)).isEqualTo("日期：" + day0.getYear() + "年" + day0.getMonthValue() + "月"
                + day0.getDayOfMonth() + "日");
        List<Row> rows = data(form);
        // exactly the town's ledger of that day (as the ledger's own reconstruction selects it), in the forms' order: by
        // the reported date of then
        List<String> then = jdbc.sql("""
                        SELECT name FROM ledger_enterprise_as_of(:at, :prefix) WHERE active ORDER BY reported_on, enterprise_id
                        """).param("at", OffsetDateTime.ofInstant(endOf(day0), ZoneOffset.UTC)).param("prefix", TOWN)
                .query(String.class).list();
        assertThat(column(rows, NAME)).isEqualTo(then);
        assertThat(column(rows, NAME).stream().filter(n -> n.startsWith(tag)))
                .containsExactly(tag + "丁印刷厂", tag + "甲铸造厂", tag + "乙家具厂");
        assertThat(cell(named(rows, NAME, tag + "丁印刷厂"), REPORTED_ON)).isEqualTo("2017-02-18");
        Row a = named(rows, NAME, tag + "甲铸造厂");
        assertThat(cell(a, VILLAGE)).as("its village then").isEqualTo(org.qingyuan.region.Division.shortName(divisionName(village0)));
        assertThat(cell(a, APPROVALS)).as("its facts then").startsWith("无环评手续");
        assertThat(cell(a, 4)).isEqualTo("12人");
        assertThat(cell(named(rows, NAME, tag + "乙家具厂"), PROGRESS)).as("its case then, withdrawn since").isEqualTo("未开始整治");
        assertThat(cell(named(rows, NAME, tag + "丁印刷厂"), PROGRESS)).as("no case yet then").isEmpty();
        assertThat(form).anySatisfy(r -> assertThat(cell(r, 0)).startsWith("注：1."));

        // the export as of that day writes the same rows; today's shows today's ledger
        List<Row> exported = export(district(), "layout=survey-ledger&division=" + TOWN + "&asOf=" + day0);
        assertThat(cells(data(exported))).isEqualTo(cells(rows));
        assertThat(exported.get(2).getCellText(0)).isEqualTo(form.get(2).getCellText(0));

        List<Row> now = data(export(district(), "layout=survey-ledger&division=" + TOWN));
        assertThat(column(now, NAME).stream().filter(n -> n.startsWith(tag))).containsExactly(tag + "丙砖厂", tag + "丁印刷厂");
        assertThat(cell(named(now, NAME, tag + "丁印刷厂"), PROGRESS)).isEqualTo("未开始整治");
        Row movedNow = named(data(export(district(), "layout=survey-ledger&division=" + OTHER_TOWN)), NAME, tag + "甲铸造厂（更名）");
        assertThat(cell(movedNow, APPROVALS)).startsWith("有环评");

        // the community table as of that day: the facts and the town and village of then
        List<Row> community = data(formAsOf("community", TOWN, endOf(day0), day0));
        Row c = named(community, 2, tag + "甲铸造厂");
        assertThat(cell(c, 14)).as("有无环评手续").isEqualTo("无");
        assertThat(cell(c, 21)).isEqualTo("古荥镇 " + org.qingyuan.region.Division.shortName(divisionName(village0)));
        assertThat(column(community, 2)).isEqualTo(then);

        // before they were registered, none of them
        assertThat(column(data(formAsOf("survey", TOWN, endOf(day0.minusDays(1)), day0.minusDays(1))), NAME))
                .noneMatch(n -> n.startsWith(tag));
    }

    @Test
    void theExportNamesABadAsOf() throws Exception {
        String town = "layout=survey-ledger&division=" + TOWN;
        for (String query : List.of(town + "&asOf=" + today().plusDays(1), town + "&asOf=2026-13-01", town + "&asOf=昨天",
                "layout=template&division=" + TOWN + "&asOf=" + today(), "layout=community-table&asOf=" + today(),
                town + "&q=铸造&asOf=" + today(), town + "&type=SLW&asOf=" + today())) {
            mvc.perform(get("/api/v1/exports/ledger.xlsx?" + query).with(district()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("asOf")));
        }
        mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=community-table&division=" + TOWN + "&asOf=" + today())
                        .with(as(RoleCode.TOWN_OFFICER, OTHER_TOWN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("辖区")));
        mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=community-table&division=" + TOWN + "&asOf=" + today()
                        + "&q=&type=").with(as(RoleCode.TOWN_OFFICER, TOWN)))
                .andExpect(status().isOk());
    }

    @Test
    void theFormPrintsTheUnitsLiaisonOrLeavesTheBlank() throws Exception {
        String town = TOWN;   // the demo leaves the district's last town without a liaison
        LocalDate day = today();
        List<Row> blank = formAsOf("community", town, Instant.now(clock), day);
        assertThat(blank.get(1).getCellText(0)).isEqualTo("单位名称：" + divisionName(town) + "（加盖公章）");
        assertThat(blank.get(2).getCellText(0)).matches("联络员：\\s+联系电话：\\s+日期：.*");

        mvc.perform(put("/api/v1/organisation/liaisons/" + town).with(as(RoleCode.TOWN_OFFICER, town)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"钱敏\",\"phone\":\"13903710008\",\"version\":0}"))
                .andExpect(status().isOk());
        List<Row> named = formAsOf("community", town, Instant.now(clock), day);
        assertThat(named.get(2).getCellText(0)).startsWith("联络员：钱敏").contains("联系电话：13903710008");
        assertThat(formAsOf("survey", town, Instant.now(clock), day)).anySatisfy(r -> assertThat(cell(r, 0)).startsWith("填表人：钱敏"));

        assertThatThrownBy(() -> formAsOf("template", town, Instant.now(clock), day)).isInstanceOf(InvalidInputException.class);
    }
}
