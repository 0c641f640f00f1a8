package com.fniexchange.platform.consumer;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.event.contract.ContractStatusChanged;
import org.slf4j.LoggerFactory;

/**
 * A service's copy of contract statuses, kept from {@code contract-events}: claims' coverage and
 * cancellation's contract view. The rule is the same for all, so it is written here once:
 * <ul>
 *   <li>a status applies only if it is not older than the status held: an older one (a replayed
 *       dead letter, a late redelivery) is ignored and logged;</li>
 *   <li>a status for a contract the projection does not hold throws, so the event is retried and
 *       then dead-lettered instead of guessed; replay it once the submission arrived.</li>
 * </ul>
 * Register it with {@link EventHandlers#onContractStatus}.
 */
public interface ContractStatusProjection {

    /**
     * Applies the event's status if it is not older than the one held (one statement, e.g.
     * {@code UPDATE ... WHERE contract_number = :number AND status_at <= :at}).
     *
     * @return whether the projection changed
     */
    boolean applyIfNotOlder(ContractStatusChanged event);

    /** Whether the projection holds the contract at all. */
    boolean holds(ContractNumber contractNumber);

    /**
     * The rule: the newer status wins, an unknown contract is an error.
     *
     * @throws IllegalStateException when the contract is not projected (its submission has not arrived)
     */
    default void apply(ContractStatusChanged event) {
        if (applyIfNotOlder(event)) {
            return;
        }
        if (!holds(event.contractNumber())) {
            throw new IllegalStateException("contract " + event.contractNumber() + " is not projected here (its "
                    + "submitted event has not arrived); not applying " + event.status() + " of " + event.occurredAt());
        }
        // rare (a replay): the logger is looked up here, an interface holds no private field
        LoggerFactory.getLogger(ContractStatusProjection.class).info("contract {}: {} of {} is older than the status held; kept the newer",
                event.contractNumber(), event.status(), event.occurredAt());
    }
}
