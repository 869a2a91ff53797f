package org.qingyuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Qingyuan: one modular monolith, one database, many business modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QingyuanApplication {

    public static void main(String[] args) {
        SpringApplication.run(QingyuanApplication.class, args);
    }
}
