package com.fniexchange.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events a partner received, contract by contract, and whether their order makes sense. The
 * platform promises order per contract within a stream (the contract number is the partition
 * key), so order is checked in offset order within each stream: a contract is submitted before it
 * is activated, a claim opened before it is paid, a cancellation requested before it is approved.
 * Across streams there is no offset to compare; there the events' own times must agree with the
 * story (a claim is not opened before the contract was activated, the contract is not cancelled
 * before the cancellation was approved).
 */
final class EventTimeline {

    /** One event as received: where it was read and its CloudEvents attributes. */
    record StreamEvent(String topic, int partition, long offset, String id, String type, String subject, String time, String payload) {

        /** {@code contract.submitted} for {@code com.fniexchange.contract.submitted.v1}. */
        String shortType() {
            String t = type == null ? "" : type;
            t = t.startsWith("com.fniexchange.") ? t.substring("com.fniexchange.".length()) : t;
            int version = t.lastIndexOf(".v");
            return version > 0 ? t.substring(0, version) : t;
        }

        /** When it happened ({@code ce_time}); null when absent or unreadable. */
        Instant occurredAt() {
            if (time == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** A payload field, "" when the payload is not JSON or lacks it. */
        String field(String name) {
            try {
                JsonNode json = ServiceApi.JSON.readTree(payload == null ? "" : payload);
                return json == null ? "" : json.path(name).asText("");
            } catch (IOException e) {
                return "";
            }
        }
    }

    /** Within one stream, the order of a lifecycle's events: a later rank never comes before an earlier one. */
    private static final Map<String, Integer> CONTRACT_ORDER = Map.of("contract.submitted", 0, "contract.pending-review", 1,
            "contract.activated", 2, "contract.rejected", 2, "contract.remitted", 3, "contract.voided", 3, "contract.cancelled", 4);
    private static final Map<String, Integer> CLAIM_ORDER = Map.of("claim.opened", 0, "claim.estimate-submitted", 1,
            "claim.authorized", 2, "claim.denied", 2, "claim.paid", 3, "claim.closed", 4);
    private static final Map<String, Integer> CANCELLATION_ORDER = Map.of("cancellation.requested", 1, "cancellation.approved", 2,
            "cancellation.refund-paid", 3);

    private final Map<String, List<StreamEvent>> byContract = new LinkedHashMap<>();

    EventTimeline(Collection<StreamEvent> events) {
        for (StreamEvent e : events) {
            byContract.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e);
        }
    }

    /** Per contract, the expected types not received (as many times as they are missing); empty when all came. */
    Map<String, List<String>> missing(Map<String, List<String>> expected) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        expected.forEach((contract, types) -> {
            List<String> left = new ArrayList<>(types);
            byContract.getOrDefault(contract, List.of()).forEach(e -> left.remove(e.shortType()));
            if (!left.isEmpty()) {
                missing.put(contract, left);
            }
        });
        return missing;
    }

    /**
     * The contract's events: each stream's in offset order, the streams interleaved by event time
     * (a stream's order is never changed to fit the times).
     */
    List<StreamEvent> of(String contract) {
        Map<String, List<StreamEvent>> streams = new TreeMap<>();
        for (StreamEvent e : byContract.getOrDefault(contract, List.of())) {
            streams.computeIfAbsent(e.topic() + "#" + e.partition(), s -> new ArrayList<>()).add(e);
        }
        streams.values().forEach(s -> s.sort(Comparator.comparingLong(StreamEvent::offset)));
        List<List<StreamEvent>> lists = new ArrayList<>(streams.values());
        int[] next = new int[lists.size()];
        List<StreamEvent> merged = new ArrayList<>();
        while (true) {
            int earliest = -1;
            for (int s = 0; s < lists.size(); s++) {
                if (next[s] < lists.get(s).size()
                        && (earliest < 0 || earlier(lists.get(s).get(next[s]), lists.get(earliest).get(next[earliest])))) {
                    earliest = s;
                }
            }
            if (earliest < 0) {
                return merged;
            }
            merged.add(lists.get(earliest).get(next[earliest]++));
        }
    }

    /** What does not make sense in the contract's events; empty when the story holds. */
    List<String> implausibilities(String contract) {
        List<String> problems = new ArrayList<>();
        List<StreamEvent> events = of(contract);
        List<StreamEvent> contractEvents = events.stream().filter(e -> CONTRACT_ORDER.containsKey(e.shortType())).toList();
        if (!contractEvents.isEmpty() && !"contract.submitted".equals(contractEvents.get(0).shortType())) {
            problems.add(contract + ": the first contract event is " + contractEvents.get(0).shortType() + ", not contract.submitted");
        }
        checkOrder(contract, contractEvents, CONTRACT_ORDER, problems);
        threads(events, CLAIM_ORDER, "claimId").forEach((claim, thread) -> checkOrder("claim " + claim, thread, CLAIM_ORDER, problems));
        threads(events, CANCELLATION_ORDER, "cancellationId")
                .forEach((id, thread) -> checkOrder("cancellation " + id, thread, CANCELLATION_ORDER, problems));
        for (StreamEvent requested : ofType(events, "cancellation.requested")) {
            String quoteId = requested.field("quoteId");
            boolean quotedBefore = ofType(events, "cancellation.quoted").stream()
                    .anyMatch(q -> q.field("quoteId").equals(quoteId) && sameStream(q, requested) && q.offset() < requested.offset());
            if (!quotedBefore) {
                problems.add(contract + ": cancellation.requested on quote " + quoteId + " without cancellation.quoted before it");
            }
        }
        notBefore(contract, events, "claim.opened", "contract.activated", problems);
        notBefore(contract, events, "cancellation.quoted", "contract.activated", problems);
        notBefore(contract, events, "contract.cancelled", "cancellation.approved", problems);
        return problems;
    }

    private static void checkOrder(String what, List<StreamEvent> inOffsetOrder, Map<String, Integer> order, List<String> problems) {
        StreamEvent previous = null;
        for (StreamEvent e : inOffsetOrder) {
            if (previous != null && sameStream(previous, e) && order.get(e.shortType()) < order.get(previous.shortType())) {
                problems.add(what + ": " + e.shortType() + " (offset " + e.offset() + ") came after " + previous.shortType()
                        + " (offset " + previous.offset() + ")");
            }
            previous = e;
        }
    }

    /** The events of each claim (or cancellation), by the payload's id, in offset order. */
    private static Map<String, List<StreamEvent>> threads(List<StreamEvent> events, Map<String, Integer> order, String idField) {
        Map<String, List<StreamEvent>> threads = new LinkedHashMap<>();
        events.stream().filter(e -> order.containsKey(e.shortType()))
                .sorted(Comparator.comparing(StreamEvent::topic).thenComparingInt(StreamEvent::partition).thenComparingLong(StreamEvent::offset))
                .forEach(e -> threads.computeIfAbsent(e.field(idField), id -> new ArrayList<>()).add(e));
        return threads;
    }

    /** Every {@code later} event happened at or after the first {@code earlier} one (by their event times). */
    private static void notBefore(String contract, List<StreamEvent> events, String later, String earlier, List<String> problems) {
        Instant first = ofType(events, earlier).stream().map(StreamEvent::occurredAt).filter(t -> t != null).min(Comparator.naturalOrder())
                .orElse(null);
        for (StreamEvent e : ofType(events, later)) {
            if (first == null) {
                problems.add(contract + ": " + later + " without " + earlier);
            } else if (e.occurredAt() != null && e.occurredAt().isBefore(first)) {
                problems.add(contract + ": " + later + " at " + e.time() + " is before " + earlier + " at " + first);
            }
        }
    }

    private static List<StreamEvent> ofType(List<StreamEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.shortType())).toList();
    }

    private static boolean sameStream(StreamEvent a, StreamEvent b) {
        return a.topic().equals(b.topic()) && a.partition() == b.partition();
    }

    /** a before b: by event time when both have one, else keep the order streams were listed in. */
    private static boolean earlier(StreamEvent a, StreamEvent b) {
        Instant ta = a.occurredAt();
        Instant tb = b.occurredAt();
        return ta != null && tb != null && ta.isBefore(tb);
    }
}
