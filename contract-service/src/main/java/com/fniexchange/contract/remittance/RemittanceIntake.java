package com.fniexchange.contract.remittance;

import com.fniexchange.contract.lifecycle.ContractRemittance;
import com.fniexchange.contract.lifecycle.RemittableContract;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.InvalidValueException;
import com.fniexchange.model.Money;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a dealer's remittance: all the listed contracts or none. Each must be the dealer's,
 * in force (ACTIVE) and not remitted before; every refusal is listed by position.
 */
@Service
class RemittanceIntake {

    private static final Logger log = LoggerFactory.getLogger(RemittanceIntake.class);

    private final RemittanceRepository remittances;
    private final ContractRemittance contracts;
    private final Clock clock;

    RemittanceIntake(RemittanceRepository remittances, ContractRemittance contracts, Clock clock) {
        this.remittances = remittances;
        this.contracts = contracts;
        this.clock = clock;
    }

    @Transactional
    public RemittanceBatch remit(RemittanceRequest request, Caller caller) {
        DealerCode dealer = caller.requireDealer();
        List<String> numbers = request.contractNumbers().stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).toList();
        List<InvalidField> errors = new ArrayList<>();
        List<ContractNumber> parsed = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            String field = "contractNumbers[" + i + "]";
            if (!seen.add(numbers.get(i))) {
                errors.add(new InvalidField(field, numbers.get(i) + " is listed twice"));
            }
            try {
                parsed.add(ContractNumber.of(numbers.get(i)));
            } catch (InvalidValueException e) {
                errors.add(new InvalidField(field, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidFields(errors);
        }
        Map<String, RemittableContract> found = contracts.lockRemittable(dealer, parsed).stream()
                .collect(Collectors.toMap(c -> c.contractNumber().value(), Function.identity()));
        List<RemittanceBatch.Line> lines = new ArrayList<>();
        Money total = Money.ZERO;
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            RemittableContract c = found.get(number);
            String field = "contractNumbers[" + i + "]";
            if (c == null) {
                errors.add(new InvalidField(field, "contract " + number + " was not found"));
            } else if (!c.remittable()) {
                errors.add(new InvalidField(field, "contract " + number + " " + c.refusal()));
            } else {
                lines.add(new RemittanceBatch.Line(number, c.dealerCost()));
                total = total.plus(c.dealerCost());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "remittance-refused", "Remittance refused",
                    errors.size() + " of " + numbers.size() + " contracts cannot be remitted; nothing was recorded",
                    Map.of("errors", errors));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RemittanceBatch batch = new RemittanceBatch(UUID.randomUUID(), dealer.value(), lines.size(), total, lines, now);
        remittances.insert(batch, caller.actor());
        contracts.markRemitted(dealer, batch.remittanceId(),
                lines.stream().map(line -> ContractNumber.of(line.contractNumber())).toList(), now);
        log.info("remittance {} from dealer {}: {} contracts, dealer cost {}", batch.remittanceId(), dealer, lines.size(), total);
        return batch;
    }

    /**
     * The remittance with its contracts, if the caller may see its dealer. Its contracts are read
     * only after the dealer-scoped remittance matched, and for that remittance's dealer only.
     */
    @Transactional(readOnly = true)
    public Optional<RemittanceBatch> find(UUID remittanceId, Caller caller) {
        return remittances.find(remittanceId, caller.dealerScope()).map(batch -> batch.withContracts(
                contracts.remittedBy(DealerCode.of(batch.dealerCode()), remittanceId).stream()
                        .map(c -> new RemittanceBatch.Line(c.contractNumber().value(), c.dealerCost())).toList()));
    }
}
