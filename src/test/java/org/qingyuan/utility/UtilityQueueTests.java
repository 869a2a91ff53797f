package org.qingyuan.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** A utility's orders waiting for it stand in its officers' department queue (issue 18 §1), and in no other's. */
@SpringBootTest
@AutoConfigureMockMvc
class UtilityQueueTests {

    @Autowired MockMvc mvc;

    @Test
    void thePowerUtilitysQueueListsItsOpenOrder() throws Exception {
        mvc.perform(get("/departments/queue").with(as(RoleCode.DEPARTMENT_OFFICER, "410108", "POWER_SUPPLY"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("断电指令")));
        String api = mvc.perform(get("/api/v1/departments/queue").with(as(RoleCode.DEPARTMENT_OFFICER, "410108", "POWER_SUPPLY")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"other\":[{\"kind\":\"断电指令\"").contains("/utility-orders/");
        mvc.perform(get("/departments/queue").with(as(RoleCode.DEPARTMENT_OFFICER, "410108", "ENVIRONMENT"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"queue-other\""))));
    }
}
