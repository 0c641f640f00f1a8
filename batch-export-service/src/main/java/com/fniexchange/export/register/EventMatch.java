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
 * @param keyField      the payload field holding the register's key, or null when the event's
 *                      aggregate id is the key; claim and cancellation events are keyed by
 *                      contract number and carry the claim / cancellation id in their payload
 */
public record EventMatch(String view, List<String> keyTypes, String amountType, Map<String, String> amountFields,
                         String keyField) {

    /** Events whose aggregate id is the register's key. */
    public EventMatch(String view, List<String> keyTypes, String amountType, Map<String, String> amountFields) {
        this(view, keyTypes, amountType, amountFields, null);
    }

    public EventMatch {
        if (keyField != null && !keyField.matches("[A-Za-z][A-Za-z0-9]*")) {
            // written into SQL: a plain identifier only
            throw new IllegalArgumentException("payload key field " + keyField);
        }
    }

    /** The SQL expression of an event row's key (text), for the alias of the published-event view. */
    String key(String alias) {
        return keyField == null ? alias + ".aggregate_id" : "(" + alias + ".payload->>'" + keyField + "')";
    }
}
