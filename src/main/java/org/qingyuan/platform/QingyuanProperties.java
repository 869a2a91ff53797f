package org.qingyuan.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings, bound from {@code qingyuan.*} or the {@code QINGYUAN_*} environment.
 *
 * @param dataDir directory that survives restarts: embedded database, evidence files, anchors ({@code QINGYUAN_DATA_DIR})
 * @param homeDistrict county-level division code of the deploying district ({@code QINGYUAN_HOME_DISTRICT})
 * @param demo demo data and accounts; unset means "on with the embedded database, off with an external one" ({@code QINGYUAN_DEMO})
 * @param embedded settings of the embedded PostgreSQL used when no {@code spring.datasource.url} is given
 */
@ConfigurationProperties("qingyuan")
public record QingyuanProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("410108") String homeDistrict,
        Boolean demo,
        @DefaultValue Embedded embedded) {

    /**
     * @param ephemeral throwaway database in a temporary directory, fsync off (tests); otherwise persistent under the data directory with fsync on
     * @param startupWaitSeconds how long to wait for the postmaster to accept connections
     * @param port fixed port, or 0 for a free one
     * @param sharedBuffers PostgreSQL's shared_buffers for the persistent cluster (e.g. 512MB, 1GB)
     */
    public record Embedded(
            @DefaultValue("false") boolean ephemeral,
            @DefaultValue("60") int startupWaitSeconds,
            @DefaultValue("0") int port,
            @DefaultValue("512MB") String sharedBuffers) {
    }
}
