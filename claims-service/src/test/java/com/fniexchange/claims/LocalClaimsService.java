package com.fniexchange.claims;

import com.fniexchange.testsupport.LocalRun;

/**
 * Runs claims-service on a developer machine with nothing but PostgreSQL: creates the
 * {@code fni} database when it is missing, starts an embedded Kafka broker on 127.0.0.1:9092 when
 * nothing listens there (a contract-service started the same way shares it), and starts the
 * service with the {@code local} profile on port 8082. {@code ./mvnw -pl claims-service spring-boot:test-run}
 */
public final class LocalClaimsService {

    private LocalClaimsService() {
    }

    public static void main(String[] args) throws Exception {
        LocalRun.start(ClaimsServiceApplication.class, args);
    }
}
