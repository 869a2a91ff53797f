package org.qingyuan.rectification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Policies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class CasePageTests {

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;

    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CaseFixtures(mvc, policies, events, tx, cases);
    }

    @Test
    void theBoardCountsByMeasureAndStateAndFiltersByTown() throws Exception {
        fixtures.open("410108001001", "huiji-2017", CaseFixtures.SHUTDOWN, null, Map.of());
        mvc.perform(get("/board").with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("挂图作战")))
                .andExpect(content().string(containsString("逾期未销号")))
                .andExpect(content().string(containsString("惠济区</span>：整治任务")))   // the district named, not its code
                .andExpect(content().string(containsString("board-division")));
        mvc.perform(get("/board").param("division", "410108001").header("HX-Request", "true").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("board-counts")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/board").param("division", "410108002").with(as(RoleCode.TOWN_OFFICER, "410108001")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCasePageShowsItemsTimelineAndRecordsAnItemWithAnUpload() throws Exception {
        CaseSummary s = fixtures.open("410108001001", "huiji-2017", CaseFixtures.SHUTDOWN, null,
                Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(20)));
        mvc.perform(get("/cases").param("q", s.enterpriseName()).with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString(s.enterpriseName())));
        mvc.perform(get("/cases/" + s.id()).with(as(RoleCode.GRID_MEMBER, "410108001001"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("清除原料")))
                .andExpect(content().string(containsString("办理过程")))
                .andExpect(content().string(containsString("record-CUT_WATER")));
        byte[] photo = DemoPhotos.sitePhoto(true, 5, "p", Instant.now(), CaseFixtures.LAT, CaseFixtures.LON);
        mvc.perform(multipart("/cases/" + s.id() + "/items/CLEAR_MATERIALS")
                        .file(new MockMultipartFile("files", "原料清除.jpg", "image/jpeg", photo)).param("version", "0")
                        .with(as(RoleCode.GRID_MEMBER, "410108001001")).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + s.id())).andExpect(flash().attribute("saved", "已记录"));
        mvc.perform(get("/cases/" + s.id()).with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/attachments/")))
                .andExpect(content().string(containsString("记录整治情况")))
                // people by the names they are shown by (the demo grid member of 金河社区), not their user names
                .andExpect(content().string(containsString("金河社区网格员</span> 于")));
        // a stale form is refused with the reason on the page
        mvc.perform(multipart("/cases/" + s.id() + "/items/CLEAR_PRODUCTS")
                        .file(new MockMultipartFile("files", "产品.jpg", "image/jpeg", photo)).param("version", "0")
                        .with(as(RoleCode.GRID_MEMBER, "410108001001")).with(csrf()))
                .andExpect(flash().attribute("failure", containsString("已被他人修改")));
    }

    @Test
    void aCaseAwaitingItsAcceptanceOffersNoWorkForms() throws Exception {
        CaseSummary s = fixtures.open("410108001001", "huiji-2017", CaseFixtures.SHUTDOWN, null,
                Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(20)));
        jdbc.sql("UPDATE rectification_case SET state = 'AWAITING_ACCEPTANCE' WHERE id = :id").param("id", s.id()).update();
        // still an open case, but no longer one that accepts work: no item, submit or responsibility forms
        mvc.perform(get("/cases/" + s.id()).with(as(RoleCode.GRID_MEMBER, "410108001001"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("清除原料")))
                .andExpect(content().string(not(containsString("record-CUT_WATER"))))
                .andExpect(content().string(not(containsString("id=\"submit-form\""))))
                .andExpect(content().string(not(containsString("id=\"assign-form\""))));
    }

    @Test
    void theEnterprisePageLinksToItsCaseWithinTheCallersJurisdiction() throws Exception {
        CaseSummary s = fixtures.open("410108001001", "huiji-2017", CaseFixtures.SHUTDOWN, null,
                Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(20)));
        mvc.perform(get("/enterprises/" + s.enterpriseId()).with(as(RoleCode.GRID_MEMBER, "410108001001"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/cases/" + s.id() + "\"")))
                .andExpect(content().string(containsString("整治任务 #" + s.id())));
        // another town's officer sees neither the enterprise nor its case
        mvc.perform(get("/enterprises/" + s.enterpriseId()).with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(status().isNotFound());
    }
}
