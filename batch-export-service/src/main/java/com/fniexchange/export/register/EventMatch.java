package com.fniexchange.export.register;

import java.util.List;
import java.util.Map;

/**
 * Which published events a register reconciles against.
 *
 * @param view          the owning service's published-event view, schema-qualified
 * @param keyTypes      event types that say "this record belongs to the date": each key in the file
 *                      needs one published with {@code occurredAt} in the window, and each one
 *                      published in the window needs its key in the file
 * @param amountType    the event type whose payload carries the amounts (its latest per key)
 * @param amountFields  payload field per amount column of the register
 */
public record EventMatch(String view, List<String> keyTypes, String amountType, Map<String, String> amountFields) {
}
