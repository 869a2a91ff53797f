package org.qingyuan.platform;

import java.nio.file.Path;

import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** What this installation is: its home district, whether it runs the demo, where its data lives. */
@Component
public class Deployment {

    private final DivisionCode homeDistrict;
    private final boolean demo;
    private final boolean embeddedDatabase;
    private final Path dataDir;

    Deployment(QingyuanProperties properties, Environment environment) {
        this.homeDistrict = DivisionCode.of(properties.homeDistrict());
        if (homeDistrict.level() != DivisionLevel.COUNTY) {
            throw new IllegalStateException("QINGYUAN_HOME_DISTRICT 应为 6 位区县代码，实际为 " + homeDistrict);
        }
        this.embeddedDatabase = !EmbeddedDatabaseCondition.externalDatabaseConfigured(environment);
        this.demo = properties.demo() != null ? properties.demo() : embeddedDatabase;
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
    }

    /** The county-level district that deploys the platform. */
    public DivisionCode homeDistrict() {
        return homeDistrict;
    }

    /** True when demo data and demo accounts are set up. */
    public boolean demo() {
        return demo;
    }

    /** True when the platform runs its own embedded PostgreSQL. */
    public boolean embeddedDatabase() {
        return embeddedDatabase;
    }

    /** The directory whose content survives restarts. */
    public Path dataDir() {
        return dataDir;
    }
}
