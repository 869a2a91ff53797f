package org.qingyuan.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.qingyuan.statistics.Tally;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kept tallies (issue 22 §1): asked again with nothing changed, the kept tally is answered without computing it;
 * concurrent askers share one computation; a registration changes the stamp and is counted by the very next request.
 */
@SpringBootTest(properties = "qingyuan.statistics.keep=PT10M")
@AutoConfigureMockMvc
class TallyCacheTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TallyCache cache;

    int total() throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/statistics/ledger?by=town").with(district()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("total").asInt();
    }

    @Test
    void keptUntilTheDataChangeAndCountedAtOnceAfter() throws Exception {
        int before = total();
        TallyCache.Key key = new TallyCache.Key("K", "TOWN", "t", "f");
        Tally first = cache.get(key, () -> new Tally(null, "一", null, null, null, null, List.of()));
        Tally again = cache.get(key, () -> {
            throw new AssertionError("a kept tally was computed again with the data unchanged");
        });
        assertThat(again).isSameAs(first);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        TallyCache.Key shared = new TallyCache.Key("S", "TOWN", "t", "f");
        List<Future<Tally>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit((Callable<Tally>) () -> cache.get(shared, () -> {
                computed.incrementAndGet();
                sleep();
                return new Tally(null, "共", null, null, null, null, List.of());
            })));
        }
        for (Future<Tally> f : answers) {
            assertThat(f.get().divisionName()).isEqualTo("共");
        }
        pool.shutdown();
        assertThat(computed).hasValue(1);

        TallyCache.Stamp stamp = cache.stamp();
        mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"缓存测试木材加工厂","divisionCode":"410108001001","address":"金河路1号","type":"SLW","discovery":"PATROL"}
                        """)).andExpect(status().isCreated());
        assertThat(cache.stamp()).isNotEqualTo(stamp);
        assertThat(total()).isEqualTo(before + 1);
        assertThat(cache.get(key, () -> new Tally(null, "二", null, null, null, null, List.of())).divisionName()).isEqualTo("二");
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
