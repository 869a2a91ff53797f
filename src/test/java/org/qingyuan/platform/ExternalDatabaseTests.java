package org.qingyuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.qingyuan.QingyuanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With SPRING_DATASOURCE_URL set, the platform uses that database, starts nothing embedded and runs no demo. */
class ExternalDatabaseTests {

    @Test
    void anExternalDatabaseIsUsedAsIsWithoutDemoData() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (var context = new SpringApplicationBuilder(QingyuanApplication.class)
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--server.port=0",
                            "--qingyuan.data-dir=target/external-test-data",
                            "--qingyuan.demo=")) {   // clear the test default: the rule for an external database applies
                Deployment deployment = context.getBean(Deployment.class);
                assertThat(deployment.embeddedDatabase()).isFalse();
                assertThat(deployment.demo()).isFalse();
                assertThat(context.getBeanNamesForType(Class.forName("org.qingyuan.platform.internal.EmbeddedDatabaseServer"))).isEmpty();
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT count(*) FROM division").query(Long.class).single()).isEqualTo(45_456L);
                assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isZero();
            }
        }
    }
}
