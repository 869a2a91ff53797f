package org.qingyuan.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The organisation over HTTP: the overview's JSON, who may set which liaison, and the liaison on the exported form. */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theOverviewListsEveryUnitAndThoseWithoutALiaison() throws Exception {
        mvc.perform(get("/api/v1/organisation").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].kind").value("DISTRICT"))
                .andExpect(jsonPath("$.units[?(@.key == '410108003')].kindName").value("镇（街道）"))
                .andExpect(jsonPath("$.units[?(@.key == 'ENVIRONMENT')].name").value("生态环境"))
                .andExpect(jsonPath("$.unitsWithoutLiaison").isArray())
                .andExpect(jsonPath("$.office.version").isNumber());
        mvc.perform(get("/api/v1/organisation").with(as(RoleCode.TOWN_OFFICER, "410108003")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].key").value("410108003"));
    }

    @Test
    void aTownSetsItsOwnLiaisonOnlyAndTheFormPrintsIt() throws Exception {
        String body = "{\"name\":\"周洁\",\"post\":\"党政办主任\",\"phone\":\"13903710004\",\"version\":0}";
        mvc.perform(put("/api/v1/organisation/liaisons/410108002").with(as(RoleCode.TOWN_OFFICER, "410108001")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/organisation/liaisons/410108001").with(as(RoleCode.VILLAGE_OFFICER, "410108001001")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/organisation/liaisons/410108001").with(as(RoleCode.TOWN_OFFICER, "410108001")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"周洁\",\"phone\":\"123\",\"version\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
        mvc.perform(put("/api/v1/organisation/liaisons/410108001").with(as(RoleCode.TOWN_OFFICER, "410108001")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("周洁"))
                .andExpect(jsonPath("$.version").value(1));

        byte[] file = mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=community-table&division=410108001")
                        .with(as(RoleCode.TOWN_OFFICER, "410108001")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(2).getCellText(0)).startsWith("联络员：周洁").contains("联系电话：13903710004");
        }
    }

    @Test
    void onlyTheDistrictKeepsTheLeadingGroup() throws Exception {
        String member = "{\"role\":\"LEADER\",\"person\":\"吴强\",\"unit\":\"惠济区人民政府\",\"post\":\"区长\"}";
        mvc.perform(post("/api/v1/organisation/members").with(as(RoleCode.TOWN_OFFICER, "410108003")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(member))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organisation/members").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(member))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roleName").value("组长"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(post("/api/v1/organisation/members").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"CHIEF\",\"person\":\"吴强\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }
}
