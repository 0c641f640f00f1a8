package com.fniexchange.export.register;

import java.util.List;

/** One detail row of a register file: its key and its column values as written. */
public record RegisterRecord(String key, List<String> values) {
}
