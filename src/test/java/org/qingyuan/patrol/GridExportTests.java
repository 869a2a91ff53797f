package org.qingyuan.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger export selects by grid as the list does; with a past date it refuses the grid, as it refuses every other filter. */
@SpringBootTest
@AutoConfigureMockMvc
class GridExportTests {

    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;

    @Test
    void theExportSelectsTheGridsEnterprises() throws Exception {
        PatrolFixtures fixtures = new PatrolFixtures(mvc, ledger, policies, events, tx, cases);
        long inside = fixtures.enterprise("网格导出甲厂", 101.8101, 31.9101);
        fixtures.enterprise("网格导出乙厂", 101.8201, 31.9101);
        long gridId = fixtures.grid("导出网格", null, List.of("grid")).get("id").asLong();
        fixtures.assign(gridId, inside);

        byte[] file = mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=template&grid=" + gridId).with(district()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            text = wb.getFirstSheet().read().stream().map(Row::toString).collect(Collectors.joining("\n"));
        }
        assertThat(text).contains("网格导出甲厂").doesNotContain("网格导出乙厂");
        mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=survey-ledger&division=410108001&asOf=2026-01-01&grid=" + gridId)
                .with(district())).andExpect(status().isBadRequest());
    }
}
