package com.fniexchange.cancellation;

import com.fniexchange.testsupport.LocalRun;

/**
 * Runs cancellation-service on a developer machine with nothing but PostgreSQL: creates the
 * {@code fni} database when it is missing, starts an embedded Kafka broker on 127.0.0.1:9092
 * when nothing listens there (so contract-service started the same way shares it), and starts
 * the service with the {@code local} profile on port 8083.
 * {@code ./mvnw -pl cancellation-service spring-boot:test-run}
 */
public final class LocalCancellationService {

    private LocalCancellationService() {
    }

    public static void main(String[] args) throws Exception {
        LocalRun.start(CancellationServiceApplication.class, args);
    }
}
