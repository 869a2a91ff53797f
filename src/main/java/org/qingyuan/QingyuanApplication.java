package org.qingyuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Qingyuan: one modular monolith, one database, many business modules. */
@SpringBootApplication
// the platform (database, deployment settings) is bootstrapped in every module test, whatever the module depends on
@Modulithic(sharedModules = "platform")
@ConfigurationPropertiesScan
@EnableScheduling
public class QingyuanApplication {

    public static void main(String[] args) {
        SpringApplication.run(QingyuanApplication.class, args);
    }
}
