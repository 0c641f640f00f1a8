package com.fniexchange.export.register;

import static com.fniexchange.export.register.ColumnType.DATE;
import static com.fniexchange.export.register.ColumnType.FLAG;
import static com.fniexchange.export.register.ColumnType.INSTANT;
import static com.fniexchange.export.register.ColumnType.INTEGER;
import static com.fniexchange.export.register.ColumnType.MONEY;
import static com.fniexchange.export.register.RegisterColumn.of;
import static com.fniexchange.export.register.RegisterColumn.text;

import com.fniexchange.model.event.cancellation.CancellationApproved;
import com.fniexchange.model.event.claim.ClaimPaid;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractRemitted;
import com.fniexchange.model.event.contract.ContractSubmitted;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The registers that can be exported, each read from its owning service's reporting view:
 * a view, its key, the immutable instant that places a row in a business date, entitlement
 * columns, detail columns, amount columns and the events that must match.
 */
@Component
public class RegisterCatalog {

    /** contract-service V4__reporting_views.sql: contract.contract_register_v */
    public static final RegisterDefinition CONTRACT_REGISTER = new RegisterDefinition(
            Register.CONTRACT_REGISTER, "contracts", "contract.contract_register_v",
            "contract_number", "issued_at", "dealer_code", "make",
            List.of(
                    text("contract_number", "contractNumber", 20),
                    of("issued_at", INSTANT, "issuedAt", 27),
                    text("dealer_code", "dealerCode", 10),
                    text("deal_number", "dealNumber", 20),
                    text("product_code", "productCode", 12),
                    text("plan_code", "planCode", 20),
                    text("vin", "vin", 17),
                    text("make", "make", 20),
                    of("model_year", INTEGER, "modelYear", 4),
                    of("odometer", INTEGER, "odometer", 7),
                    of("sale_date", DATE, "saleDate", 10),
                    of("term_months", INTEGER, "termMonths", 3),
                    of("term_miles", INTEGER, "termMiles", 7),
                    of("deductible", MONEY, "deductible", 10),
                    of("customer_price", MONEY, "customerPrice", 12),
                    of("dealer_cost", MONEY, "dealerCost", 12),
                    of("financed", FLAG, "financed", 1),
                    text("customer_state", "customerState", 2)),
            List.of("customer_price", "dealer_cost"),
            new EventMatch("contract.published_event_v",
                    List.of(ContractActivated.TYPE.typeName()),
                    ContractSubmitted.TYPE.typeName(),
                    Map.of("customer_price", "customerPrice", "dealer_cost", "dealerCost")));

    /** contract-service V4__reporting_views.sql: contract.remittance_register_v */
    public static final RegisterDefinition REMITTANCE = new RegisterDefinition(
            Register.REMITTANCE, "remittance", "contract.remittance_register_v",
            "contract_number", "remitted_at", "dealer_code", "make",
            List.of(
                    text("contract_number", "contractNumber", 20),
                    of("remitted_at", INSTANT, "remittedAt", 27),
                    text("remittance_id", "remittanceId", 36),
                    text("dealer_code", "dealerCode", 10),
                    text("make", "make", 20),
                    text("product_code", "productCode", 12),
                    of("dealer_cost", MONEY, "dealerCost", 12)),
            List.of("dealer_cost"),
            new EventMatch("contract.published_event_v",
                    List.of(ContractRemitted.TYPE.typeName()),
                    ContractRemitted.TYPE.typeName(),
                    Map.of("dealer_cost", "dealerCost")));

    /**
     * claims-service V2/V3 claim_register: the claims PAID on the date. Business instant
     * {@code paid_at} (set once at payment; updated_at moves, and opened claims have no settled
     * amount yet). Entitled by the selling dealer ({@code issuing_dealer}) and the coverage's make.
     * Claim events are keyed by contract number: matched on the payload's {@code claimId}.
     */
    public static final RegisterDefinition CLAIMS_REGISTER = new RegisterDefinition(
            Register.CLAIMS_REGISTER, "claims", "claims.claim_register",
            "claim_id", "paid_at", "issuing_dealer", "make",
            List.of(
                    text("claim_id", "claimId", 36),
                    of("paid_at", INSTANT, "paidAt", 27),
                    text("contract_number", "contractNumber", 20),
                    text("issuing_dealer", "issuingDealer", 10),
                    text("make", "make", 20),
                    text("claim_type", "claimType", 12),
                    of("claim_date", DATE, "claimDate", 10),
                    text("repair_facility", "repairFacility", 10),
                    text("repair_order_number", "repairOrderNumber", 30),
                    of("paid_date", DATE, "paidDate", 10),
                    of("paid_amount", MONEY, "paidAmount", 12)),
            List.of("paid_amount"),
            new EventMatch("claims.published_event_v",
                    List.of(ClaimPaid.TYPE.typeName()),
                    ClaimPaid.TYPE.typeName(),
                    Map.of("paid_amount", "paidAmount"),
                    "claimId"));

    /**
     * cancellation-service cancellation_register (V2 to V4, then R__cancellation_register.sql): the cancellations APPROVED on the date.
     * Business instant {@code approved_at} (set once; updated_at moves again when the refund is
     * paid). Entitled by the selling dealer and the make (cancellation-service R__: the make its
     * projection took from contract.submitted.v1; null for contracts projected before, which a
     * partner entitled by make therefore never receives). Cancellation events are keyed by contract
     * number: matched on the payload's {@code cancellationId}.
     */
    public static final RegisterDefinition CANCELLATIONS = new RegisterDefinition(
            Register.CANCELLATIONS, "cancellations", "cancellation.cancellation_register",
            "cancellation_id", "approved_at", "selling_dealer_code", "make",
            List.of(
                    text("cancellation_id", "cancellationId", 36),
                    of("approved_at", INSTANT, "approvedAt", 27),
                    text("contract_number", "contractNumber", 20),
                    text("selling_dealer_code", "dealerCode", 10),
                    text("product_code", "productCode", 12),
                    text("customer_state", "customerState", 2),
                    text("reason", "reason", 16),
                    of("cancel_date", DATE, "cancelDate", 10),
                    of("cancel_odometer", INTEGER, "cancelOdometer", 7),
                    text("rule_code", "ruleCode", 40),
                    text("basis", "basis", 9),
                    of("customer_price", MONEY, "customerPrice", 12),
                    of("claims_deducted", MONEY, "claimsDeducted", 12),
                    of("fee", MONEY, "fee", 12),
                    of("refund", MONEY, "refund", 12),
                    of("dealer_chargeback", MONEY, "dealerChargeback", 12),
                    text("payee", "payee", 10),
                    of("refund_due_date", DATE, "refundDueDate", 10)),
            List.of("refund", "dealer_chargeback"),
            new EventMatch("cancellation.published_event_v",
                    List.of(CancellationApproved.TYPE.typeName()),
                    CancellationApproved.TYPE.typeName(),
                    Map.of("refund", "refund", "dealer_chargeback", "dealerChargeback"),
                    "cancellationId"));

    private final Map<Register, RegisterDefinition> definitions = new EnumMap<>(Register.class);

    public RegisterCatalog() {
        for (RegisterDefinition d : List.of(CONTRACT_REGISTER, REMITTANCE, CLAIMS_REGISTER, CANCELLATIONS)) {
            definitions.put(d.register(), d);
        }
    }

    public Optional<RegisterDefinition> find(Register register) {
        return Optional.ofNullable(definitions.get(register));
    }

    public RegisterDefinition get(Register register) {
        return find(register).orElseThrow(() -> new IllegalArgumentException(
                register + " is not available yet: its service has not published a reporting view"));
    }

    public boolean available(Register register) {
        return definitions.containsKey(register);
    }
}
