package com.fniexchange.export.job;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a test makes an export fail or go wrong on purpose (a crash after N chunks, a trailer
 * that lies). Production has no bean of this type: the job then uses {@link #NONE}.
 */
public interface ExportFaults {

    ExportFaults NONE = new ExportFaults() {
    };

    /** Before the extract writes its {@code chunk}-th chunk (1-based) of this execution. */
    default void beforeChunk(String partnerId, int chunk) {
    }

    /** After the extract closed the plain file, before it is packaged. */
    default void extracted(String partnerId, Path plainFile) throws IOException {
    }
}
