package com.fniexchange.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import com.fniexchange.model.event.cancellation.CancellationApproved;
import com.fniexchange.model.event.cancellation.CancellationQuoted;
import com.fniexchange.model.event.cancellation.CancellationRefundPaid;
import com.fniexchange.model.event.cancellation.CancellationRequested;
import com.fniexchange.model.event.claim.ClaimAuthorized;
import com.fniexchange.model.event.claim.ClaimClosed;
import com.fniexchange.model.event.claim.ClaimDenied;
import com.fniexchange.model.event.claim.ClaimEstimateSubmitted;
import com.fniexchange.model.event.claim.ClaimOpened;
import com.fniexchange.model.event.claim.ClaimPaid;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractCancelled;
import com.fniexchange.model.event.contract.ContractPendingReview;
import com.fniexchange.model.event.contract.ContractRejected;
import com.fniexchange.model.event.contract.ContractRemitted;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.model.event.contract.ContractVoided;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final ContractNumber NUMBER = ContractNumber.of("VSC3A004352");
    static final DealerCode DEALER = DealerCode.of("D1001");
    static final DealerCode FACILITY = DealerCode.of("D2002");
    static final UUID CLAIM = UUID.fromString("8d0f6a4e-3b2c-4f1a-9e7d-5c6b4a3f2e10");
    static final Instant AT = Instant.parse("2026-11-26T15:04:05.123Z");

    /** One realistic instance of every payload type. */
    static List<DomainEvent> samples() {
        return List.of(
                new ContractSubmitted(NUMBER, DEALER, "DEAL-1", ProductCode.VSC, "VSC-60-75-100", UUID.randomUUID(),
                        Vin.of("1HGCM82633A004352"), 42_000, LocalDate.parse("2023-03-01"), LocalDate.parse("2026-11-20"),
                        60, 75_000, Money.of("100"), Money.of("1100.00"), Money.of("2195.50"), true, "Ally Bank", "TX", AT),
                new ContractSubmitted(NUMBER, DEALER, "DEAL-2", ProductCode.GAP, "GAP-72", UUID.randomUUID(),
                        Vin.of("1HGCM82633A004352"), 10, LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20"),
                        72, null, Money.ZERO, Money.of("300"), Money.of("795"), false, null, "CA", AT),
                // with the optional fields added within v1
                new ContractSubmitted(NUMBER, DEALER, "DEAL-3", ProductCode.VSC, "VSC-60-75-100", UUID.randomUUID(),
                        Vin.of("1HGCM82633A004352"), 42_000, LocalDate.parse("2023-03-01"), LocalDate.parse("2026-11-20"),
                        60, 75_000, Money.of("100"), Money.of("1100.00"), Money.of("2195.50"), true, "Ally Bank", "TX",
                        "HONDA", Money.of("15000"), AT),
                new ContractSubmitted(NUMBER, DEALER, "DEAL-3", ProductCode.VSC, "VSC-36-36-100", UUID.randomUUID(),
                        Vin.of("1HGCM82633A004352"), 88_000, LocalDate.parse("2019-03-01"), LocalDate.parse("2026-11-20"),
                        36, 36_000, Money.of("100"), Money.of("900.00"), Money.of("1795.00"), false, null, "CA",
                        "HONDA", Money.of("5000"), false, AT),
                new ContractSubmitted(NUMBER, DEALER, "DEAL-4", ProductCode.VSC, "VSC-36-36-100", UUID.randomUUID(),
                        Vin.of("1HGCM82633A004352"), 88_000, LocalDate.parse("2019-03-01"), LocalDate.parse("2026-11-20"),
                        36, 36_000, Money.of("100"), Money.of("900.00"), Money.of("1795.00"), false, null, "CA",
                        "HONDA", Money.of("5000"), null, LocalDate.parse("2026-12-20"), AT),
                new ContractActivated(NUMBER, DEALER, true, null, AT),
                new ContractActivated(NUMBER, DEALER, false, "admin@provider", AT),
                new ContractPendingReview(NUMBER, DEALER, List.of("customer price below dealer cost"), AT),
                new ContractRejected(NUMBER, DEALER, "vehicle not eligible", "admin@provider", AT),
                new ContractVoided(NUMBER, DEALER, "deal unwound", "dealer:D1001", AT),
                // numbers never run out: the hundredth issue on one base
                new ContractVoided(ContractNumber.of("VSC3A004352-100"), DEALER, "deal unwound", "dealer:D1001", AT),
                new ContractRemitted(NUMBER, DEALER, UUID.randomUUID(), Money.of("1100"), AT),
                new ContractCancelled(NUMBER, DEALER, UUID.randomUUID(), LocalDate.parse("2026-12-01"), "EARLY_PAYOFF", AT),
                new ClaimOpened(NUMBER, CLAIM, DEALER, FACILITY, "RO-55012", LocalDate.parse("2027-01-15"), 47_310, AT),
                new ClaimEstimateSubmitted(NUMBER, CLAIM, DEALER, FACILITY, Money.of("912.40"), Money.of("100"),
                        Money.of("812.40"), false, AT),
                new ClaimAuthorized(NUMBER, CLAIM, DEALER, FACILITY, "AUTH-00000042", Money.of("812.40"), true, "system", AT),
                new ClaimDenied(NUMBER, CLAIM, DEALER, FACILITY, "wear item, not a covered component", "adjuster@provider", AT),
                new ClaimPaid(NUMBER, CLAIM, DEALER, FACILITY, Money.of("812.40"), Money.of("1624.80"), LocalDate.parse("2027-01-20"), AT),
                new ClaimClosed(NUMBER, CLAIM, DEALER, FACILITY, "PAID", null, AT),
                new ClaimClosed(NUMBER, CLAIM, DEALER, FACILITY, "DENIED", "wear item, not a covered component", AT),
                new CancellationQuoted(NUMBER, DEALER, UUID.randomUUID(), "CUSTOMER_REQUEST", LocalDate.parse("2026-12-01"), 54_500,
                        "TX-VSC", 1, "LESSER_OF_TIME_OR_MILES", "MILES", Money.of("1317.00"), Money.ZERO, Money.of("50.00"),
                        Money.of("1267.00"), Money.of("657.00"), Money.of("660.00"), "LIENHOLDER", "Ally Bank",
                        LocalDate.parse("2027-01-15"), AT.plusSeconds(86_400), AT),
                new CancellationQuoted(NUMBER, DEALER, UUID.randomUUID(), "EARLY_PAYOFF", LocalDate.parse("2026-12-01"), null,
                        "DEFAULT-GAP", null, "RULE_OF_78S", "MONTHS", Money.of("400.00"), Money.ZERO, Money.ZERO,
                        Money.of("400.00"), Money.of("250.00"), Money.of("150.00"), "CUSTOMER", null,
                        LocalDate.parse("2026-12-31"), AT.plusSeconds(86_400), AT),
                new CancellationRequested(NUMBER, DEALER, UUID.randomUUID(), UUID.randomUUID(), "CUSTOMER_REQUEST",
                        LocalDate.parse("2026-12-01"), Money.of("1267.00"), "dealer:D1001:dealer-user@d1001", AT),
                new CancellationApproved(NUMBER, DEALER, UUID.randomUUID(), "CUSTOMER_REQUEST", LocalDate.parse("2026-12-01"),
                        Money.of("1267.00"), Money.of("657.00"), Money.ZERO, false, "LIENHOLDER", LocalDate.parse("2027-01-15"),
                        "admin@provider", AT),
                // as a release before claimsDeducted and recomputedAtApproval wrote it
                new CancellationApproved(NUMBER, DEALER, UUID.randomUUID(), "CUSTOMER_REQUEST", LocalDate.parse("2026-12-01"),
                        Money.of("1267.00"), Money.of("657.00"), null, null, "LIENHOLDER", LocalDate.parse("2027-01-15"),
                        "admin@provider", AT),
                new CancellationRefundPaid(NUMBER, DEALER, UUID.randomUUID(), Money.of("1267.00"), "LIENHOLDER", "ACH",
                        "ACH-0042-7781", LocalDate.parse("2026-12-10"), LocalDate.parse("2027-01-15"), false, AT));
    }

    @Test
    void everyPayloadTypeHasASchemaAndASample() {
        Map<Class<?>, Long> sampled = samples().stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        assertThat(EventCatalog.payloadTypes()).isNotEmpty().allSatisfy(type -> {
            assertThat(EventSchemas.exists(EventCatalog.typeOf(type))).as("schema for %s", type.getSimpleName()).isTrue();
            assertThat(sampled).as("sample for %s", type.getSimpleName()).containsKey(type);
        });
    }

    @Test
    void typeConstantsAreUniqueAndMatchTheInstanceType() {
        List<EventType> types = EventCatalog.payloadTypes().stream().map(EventCatalog::typeOf).toList();
        assertThat(types).doesNotHaveDuplicates();
        samples().forEach(e -> assertThat(e.eventType()).isEqualTo(EventCatalog.typeOf(e.getClass())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleValidatesAgainstItsSchema(DomainEvent event) {
        JsonNode body = JSON.valueToTree(event);
        assertThat(EventSchemas.violations(event.eventType(), body)).isEmpty();
        assertThat(body.get("subject")).as("subject is an envelope attribute, not payload").isNull();
    }

    @Test
    void schemaCatchesMissingFieldsWrongMoneyAndUnknownFields() {
        ObjectNode body = JSON.valueToTree(samples().get(0));
        body.remove("vin");
        body.put("dealerCost", 1100.005);
        body.put("customerName", "Jane Doe");
        List<String> violations = EventSchemas.violations(ContractSubmitted.TYPE, body);
        assertThat(String.join("\n", violations))
                .contains("vin")
                .contains("dealerCost")
                .contains("customerName");
    }

    @Test
    void consumerCheckIgnoresAFieldAddedLaterButTheProducerCheckDoesNot() {
        ObjectNode body = JSON.valueToTree(samples().get(0));
        body.put("addedInALaterRelease", "optional");

        assertThat(EventSchemas.violations(ContractSubmitted.TYPE, body))
                .singleElement().asString().contains("addedInALaterRelease");
        assertThat(EventSchemas.violationsIgnoringUnknownFields(ContractSubmitted.TYPE, body)).isEmpty();
    }

    @Test
    void consumerCheckStillReportsWrongTypesAndMissingFields() {
        ObjectNode body = JSON.valueToTree(samples().get(0));
        body.put("addedInALaterRelease", "optional");
        body.put("dealerCost", "1100.00");
        body.remove("vin");

        List<String> strict = EventSchemas.violations(ContractSubmitted.TYPE, body);
        List<String> lenient = EventSchemas.violationsIgnoringUnknownFields(ContractSubmitted.TYPE, body);
        assertThat(String.join("\n", strict)).contains("dealerCost").contains("vin").contains("addedInALaterRelease");
        assertThat(lenient).hasSize(2);
        assertThat(String.join("\n", lenient)).contains("dealerCost").contains("vin").doesNotContain("addedInALaterRelease");
    }

    @Test
    void moneyIsWrittenWithTwoDecimals() throws Exception {
        String json = JSON.writeValueAsString(new ContractRemitted(NUMBER, DEALER, UUID.randomUUID(), Money.of("1100"), AT));
        assertThat(json).contains("\"dealerCost\":1100.00").contains("\"occurredAt\":\"2026-11-26T15:04:05.123Z\"");
    }

    @Test
    void unknownTypeHasNoSchema() {
        EventType unknown = EventType.of("contract", "teleported", 1);
        assertThat(EventSchemas.exists(unknown)).isFalse();
        assertThatThrownBy(() -> EventSchemas.violations(unknown, JSON.createObjectNode()))
                .hasMessageContaining("no JSON Schema shipped for com.fniexchange.contract.teleported.v1");
        assertThatThrownBy(() -> EventSchemas.violationsIgnoringUnknownFields(unknown, JSON.createObjectNode()))
                .hasMessageContaining("no JSON Schema shipped for com.fniexchange.contract.teleported.v1");
    }

    @Test
    void envelopeRoundTripsThroughHeaders() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), ContractVoided.TYPE, "/fni-exchange/contract-service",
                NUMBER.value(), AT, "req-1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        Map<String, String> headers = envelope.toHeaders();
        assertThat(headers).containsEntry("ce_type", "com.fniexchange.contract.voided.v1")
                .containsEntry("ce_specversion", "1.0").containsEntry("ce_subject", "VSC3A004352");
        assertThat(EventEnvelope.fromHeaders(headers)).isEqualTo(envelope);
        assertThat(EventType.parse("com.fniexchange.contract.pending-review.v1"))
                .isEqualTo(ContractPendingReview.TYPE);
    }
}
