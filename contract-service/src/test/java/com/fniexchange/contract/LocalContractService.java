package com.fniexchange.contract;

import com.fniexchange.testsupport.LocalRun;

/**
 * Runs contract-service on a developer machine with nothing but PostgreSQL:
 * creates the {@code fni} database when it is missing, starts an embedded Kafka broker on
 * 127.0.0.1:9092 when nothing listens there, and starts the service with the {@code local}
 * profile (HS256 dev tokens). {@code ./mvnw -pl contract-service spring-boot:test-run
 * -Dspring-boot.test-run.main-class=com.fniexchange.contract.LocalContractService}
 */
public final class LocalContractService {

    private LocalContractService() {
    }

    public static void main(String[] args) throws Exception {
        LocalRun.start(ContractServiceApplication.class, args);
    }
}
