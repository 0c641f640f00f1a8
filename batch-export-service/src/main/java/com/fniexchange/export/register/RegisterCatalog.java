package com.fniexchange.export.register;

import static com.fniexchange.export.register.ColumnType.DATE;
import static com.fniexchange.export.register.ColumnType.FLAG;
import static com.fniexchange.export.register.ColumnType.INSTANT;
import static com.fniexchange.export.register.ColumnType.INTEGER;
import static com.fniexchange.export.register.ColumnType.MONEY;
import static com.fniexchange.export.register.RegisterColumn.of;
import static com.fniexchange.export.register.RegisterColumn.text;

import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractRemitted;
import com.fniexchange.model.event.contract.ContractSubmitted;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The registers that can be exported, each read from its owning service's reporting view.
 * The claims register and the cancellations come here when claims-service and
 * cancellation-service publish their views: a view, its columns, amount columns and the
 * event types that must match. Until then a partner cannot be given them.
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

    private final Map<Register, RegisterDefinition> definitions = new EnumMap<>(Register.class);

    public RegisterCatalog() {
        for (RegisterDefinition d : List.of(CONTRACT_REGISTER, REMITTANCE)) {
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
