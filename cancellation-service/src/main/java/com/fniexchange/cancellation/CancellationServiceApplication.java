package com.fniexchange.cancellation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CancellationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CancellationServiceApplication.class, args);
    }
}
