package com.fniexchange.export;

import com.fniexchange.export.support.Azurite;
import com.fniexchange.testsupport.LocalRun;

/**
 * Runs batch-export-service on a developer machine: creates the {@code fni} database when it is
 * missing, makes sure Azurite answers on 127.0.0.1:10000 (starting the copy .ci/run installed if
 * needed) and starts the service with the {@code local} profile on port 8084.
 * {@code ./mvnw -pl batch-export-service spring-boot:test-run}
 */
public final class LocalBatchExportService {

    private LocalBatchExportService() {
    }

    public static void main(String[] args) throws Exception {
        LocalRun.ensureDatabase();
        if (System.getenv("FNI_BLOB_CONNECTION_STRING") == null) {
            Azurite.connectionString();
        }
        LocalRun.run(BatchExportApplication.class, args);
    }
}
