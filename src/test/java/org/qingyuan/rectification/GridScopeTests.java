package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.GridAssignment;
import org.qingyuan.grid.internal.GridService;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A grid member's scope is his grids (issue 16 §1) in the ledger, the cases and the dossier: an enterprise of another
 * grid of his village, its case and its files are "not found" (404) exactly as those of another village; his village's
 * enterprises of no grid stay visible; a change of membership applies on his next request.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GridScopeTests {

    static final String VILLAGE = "410108001001";
    static final CurrentUser OFFICE = new CurrentUser(1, "district", "区办", "DISTRICT_OFFICE", "区办", DivisionCode.of("410108"), null);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired GridService grids;
    @Autowired JdbcClient jdbc;

    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CaseFixtures(mvc, policies, events, tx, cases);
    }

    @Test
    void anotherGridsEnterpriseItsCaseAndItsFilesAreNotFoundForAGridMember() throws Exception {
        String other = "gs" + System.nanoTime() % 1_000_000;
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role_code, division_code) VALUES (:u, :u, 'x', 'GRID_MEMBER', :v)")
                .param("u", other).param("v", VILLAGE).update();
        Grid mine = grids.create(OFFICE, new GridService.GridInput(VILLAGE, "本人网格" + other, null, List.of("grid")));
        Grid theirs = grids.create(OFFICE, new GridService.GridInput(VILLAGE, "他人网格" + other, null, List.of(other)));
        CaseSummary inMine = open(mine);
        CaseSummary inTheirs = open(theirs);
        long unassigned = enterpriseWithoutPosition();
        assertThat(grids.ofEnterprise(unassigned)).isEmpty();
        long file = CaseFixtures.JSON.readTree(mvc.perform(multipart("/api/v1/enterprises/" + inTheirs.enterpriseId() + "/attachments")
                        .file(new MockMultipartFile("file", "营业执照.pdf", "application/pdf", PDF)).param("category", "LEGAL_DOCUMENT").with(district()).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();

        RequestPostProcessor grid = as(RoleCode.GRID_MEMBER, VILLAGE);
        RequestPostProcessor them = as(new CurrentUser(9_000, other, other, "GRID_MEMBER", "网格员", DivisionCode.of(VILLAGE), null));
        RequestPostProcessor village = as(RoleCode.VILLAGE_OFFICER, VILLAGE);

        // the ledger: one enterprise, and the list
        expect("/api/v1/enterprises/" + inTheirs.enterpriseId(), grid, 404);
        expect("/api/v1/enterprises/" + inTheirs.enterpriseId() + "/attachments", grid, 404);
        expect("/api/v1/enterprises/" + inMine.enterpriseId(), grid, 200);
        expect("/api/v1/enterprises/" + unassigned, grid, 200);
        expect("/enterprises/" + inTheirs.enterpriseId(), grid, 404);
        assertThat(total("/api/v1/enterprises?q=" + inTheirs.enterpriseName(), grid)).isZero();
        assertThat(total("/api/v1/enterprises?q=" + inMine.enterpriseName(), grid)).isEqualTo(1);
        // the cases: one case, and the list
        expect("/api/v1/cases/" + inTheirs.id(), grid, 404);
        expect("/api/v1/cases/" + inTheirs.id() + "/evidence", grid, 404);
        expect("/api/v1/cases/" + inMine.id(), grid, 200);
        assertThat(total("/api/v1/cases?q=" + inTheirs.enterpriseName(), grid)).isZero();
        assertThat(total("/api/v1/cases?q=" + inMine.enterpriseName(), grid)).isEqualTo(1);
        // the dossier's file, fetched by its number
        expect("/api/v1/attachments/" + file, grid, 404);
        expect("/api/v1/attachments/" + file + "/content", grid, 404);

        // the other grid's member sees it the other way round; the village officer sees all
        expect("/api/v1/enterprises/" + inTheirs.enterpriseId(), them, 200);
        expect("/api/v1/cases/" + inTheirs.id(), them, 200);
        expect("/api/v1/attachments/" + file, them, 200);
        expect("/api/v1/enterprises/" + inMine.enterpriseId(), them, 404);
        expect("/api/v1/cases/" + inMine.id(), them, 404);
        for (long id : List.of(inMine.enterpriseId(), inTheirs.enterpriseId(), unassigned)) {
            expect("/api/v1/enterprises/" + id, village, 200);
        }

        // joining the other grid applies at once, without signing in again
        Grid joined = grids.get(theirs.id(), OFFICE.scope());
        grids.update(OFFICE, theirs.id(), joined.version(), new GridService.GridInput(VILLAGE, joined.name(), null, List.of(other, "grid")));
        expect("/api/v1/enterprises/" + inTheirs.enterpriseId(), grid, 200);
        expect("/api/v1/cases/" + inTheirs.id(), grid, 200);
    }

    private CaseSummary open(Grid grid) throws Exception {
        CaseSummary opened = fixtures.open(VILLAGE, "huiji-2017", CaseFixtures.SHUTDOWN, null,
                Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(30)));
        grids.assignByHand(OFFICE, grid.id(), opened.enterpriseId(),
                grids.ofEnterprise(opened.enterpriseId()).map(GridAssignment::version).orElse(0));
        return opened;
    }

    private long enterpriseWithoutPosition() throws Exception {
        String body = mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"无网格测试厂" + System.nanoTime() + "\", \"divisionCode\": \"" + VILLAGE
                                + "\", \"type\": \"SLW\", \"discovery\": \"PATROL\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return CaseFixtures.JSON.readTree(body).get("id").asLong();
    }

    private void expect(String path, RequestPostProcessor who, int expected) throws Exception {
        mvc.perform(get(path).with(who)).andExpect(status().is(expected));
    }

    private long total(String path, RequestPostProcessor who) throws Exception {
        return CaseFixtures.JSON.readTree(mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("total").asLong();
    }
}
