package org.qingyuan.shell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Pages write their links as they are, and the version-less webjar links they write are served. */
@SpringBootTest
@AutoConfigureMockMvc
class PageLinksTests {

    @Autowired MockMvc mvc;

    @Test
    void linksAreNotRewrittenAndWebjarsAreServedWithoutAVersion() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/webjars/bootstrap/css/bootstrap.min.css\"")))
                .andExpect(content().string(not(containsString("/webjars/bootstrap/5."))));
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/webjars/leaflet/dist/leaflet.css")).andExpect(status().isOk());
    }
}
