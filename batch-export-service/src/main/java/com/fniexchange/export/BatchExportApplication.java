package com.fniexchange.export;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Nightly partner files of the registers the services publish, with reconciliation. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BatchExportApplication {

    public static void main(String[] args) {
        SpringApplication.run(BatchExportApplication.class, args);
    }
}
