package org.qingyuan.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.map.internal.Chart;
import org.qingyuan.map.internal.Dashboards;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.reporting.ReportPunctuality;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The district's home page chart 报送情况 on the demo data: per town, the figures equal what the 报送 list page behind
 * each bar shows for the latest two periods of each report; a town officer's home page lists his own open reports.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeReportsTests {

    @Autowired MockMvc mvc;
    @Autowired Dashboards dashboards;
    @Autowired Divisions divisions;
    @Autowired ReportPunctuality punctuality;

    @Test
    @SuppressWarnings("unchecked")
    void theHomePagesReportChartEqualsTheReportingListBehindEachTown() throws Exception {
        DivisionCode district = DivisionCode.of("410108");
        Chart chart = dashboards.overview(Scope.of(district)).charts().stream().filter(c -> c.id().equals("reports"))
                .findFirst().orElseThrow();
        List<Division> towns = divisions.children(district);
        assertThat(chart.labels()).hasSize(towns.size());
        long dueInDistrict = 0;
        for (int i = 0; i < towns.size(); i++) {
            String code = towns.get(i).code().value();
            assertThat(chart.links().get(i)).isEqualTo("/reports?unit=" + code);
            List<ReportPageController.Round> rounds = (List<ReportPageController.Round>) mvc
                    .perform(get(chart.links().get(i)).with(district())).andExpect(status().isOk()).andReturn()
                    .getModelAndView().getModel().get("rounds");
            // the page lists every period, latest due first: the chart counts each report's latest two
            Map<String, Integer> seen = new HashMap<>();
            long onTime = 0, late = 0, missing = 0, pending = 0;
            for (ReportPageController.Round r : rounds) {
                if (seen.merge(r.title(), 1, Integer::sum) > 2) {
                    continue;
                }
                long lateSubmitted = r.late() - r.missing();
                onTime += r.submitted() - lateSubmitted;
                late += lateSubmitted;
                missing += r.missing();
                pending += r.items().size() - r.submitted() - r.missing();
                dueInDistrict += r.items().size();
            }
            assertThat(chart.series().get(0).data().get(i).longValue()).as("on time in " + code).isEqualTo(onTime);
            assertThat(chart.series().get(1).data().get(i).longValue()).as("late in " + code).isEqualTo(late);
            assertThat(chart.series().get(2).data().get(i).longValue()).as("missing in " + code).isEqualTo(missing);
            assertThat(chart.series().get(3).data().get(i).longValue()).as("pending in " + code).isEqualTo(pending);
        }
        assertThat(dueInDistrict).as("the demo's towns have reports due").isPositive();
        long fromApi = punctuality.byTown(Scope.of(district)).stream().mapToLong(ReportPunctuality.TownReports::due).sum();
        assertThat(fromApi).isEqualTo(dueInDistrict);
    }

    @Test
    void aTownOfficerSeesOnlyHisTownsOpenReportsInHisWorkList() throws Exception {
        String town = divisions.children(DivisionCode.of("410108")).get(0).code().value();
        var open = punctuality.open(Scope.of(DivisionCode.of(town)));
        assertThat(punctuality.byTown(Scope.of(DivisionCode.of(town)))).extracting(ReportPunctuality.TownReports::divisionCode)
                .containsOnly(town);
        String html = mvc.perform(get("/").with(as(RoleCode.TOWN_OFFICER, town))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("id=\"town-reports\"").doesNotContain("id=\"chart-reports\"");
        open.forEach(r -> assertThat(html).contains("/reports/submissions/" + r.id()));
    }
}
