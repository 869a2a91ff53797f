package org.qingyuan.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.qingyuan.platform.Deployment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code qingyuan.evidence.store} picks the store: the filesystem by default, S3 when asked and fully configured. */
class ObjectStoreSelectionTests {

    @TempDir
    Path dataDir;

    @Configuration
    @EnableConfigurationProperties(EvidenceProperties.class)
    @Import({FileObjectStore.class, S3ObjectStore.class})
    static class Stores {
    }

    ApplicationContextRunner runner() {
        Deployment deployment = Mockito.mock(Deployment.class);
        Mockito.when(deployment.dataDir()).thenReturn(dataDir);
        return new ApplicationContextRunner().withBean(Deployment.class, () -> deployment).withBean(Clock.class, Clock::systemUTC)
                .withUserConfiguration(Stores.class);
    }

    @Test
    void withoutSettingTheFilesystemStoreIsUsed() {
        runner().run(context -> assertThat(context.getBean(ObjectStore.class)).isInstanceOf(FileObjectStore.class));
    }

    @Test
    void s3IsUsedWhenSelectedAndConfigured() {
        runner().withPropertyValues("qingyuan.evidence.store=s3", "qingyuan.evidence.s3.endpoint=http://127.0.0.1:9000",
                        "qingyuan.evidence.s3.bucket=evidence", "qingyuan.evidence.s3.access-key=AK",
                        "qingyuan.evidence.s3.secret-key=SK")
                .run(context -> assertThat(context.getBean(ObjectStore.class)).isInstanceOf(S3ObjectStore.class));
    }

    @Test
    void s3WithoutItsBucketStopsTheStartNamingTheSetting() {
        runner().withPropertyValues("qingyuan.evidence.store=s3", "qingyuan.evidence.s3.endpoint=http://127.0.0.1:9000")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("qingyuan.evidence.s3.bucket"));
    }
}
