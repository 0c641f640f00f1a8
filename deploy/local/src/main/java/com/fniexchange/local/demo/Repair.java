package com.fniexchange.local.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of an estimate or an invoice as a repair facility writes them (claims-service's
 * {@code Lines}: parts, labour, rental, towing, with the cause and correction). The totals are
 * claims-service's to compute: parts + labour + other charges, less the contract's deductible.
 */
record Repair(List<Part> parts, List<Labour> labour, BigDecimal rental, BigDecimal towing, String cause, String correction) {

    record Part(String partNumber, String description, BigDecimal quantity, BigDecimal unitPrice) {
    }

    record Labour(String operation, BigDecimal hours, BigDecimal rate) {
    }

    /** The request body of POST /api/v1/claims/{id}/estimate and /invoice. */
    Map<String, Object> body() {
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("parts", parts);
        lines.put("labour", labour);
        lines.put("rental", rental);
        lines.put("towing", towing);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", lines);
        body.put("cause", cause);
        body.put("correction", correction);
        return body;
    }

    static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
