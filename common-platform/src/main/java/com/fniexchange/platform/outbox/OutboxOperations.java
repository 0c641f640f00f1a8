package com.fniexchange.platform.outbox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What ops can do about parked chains: list them, retry one (a new round of attempts at once),
 * or skip its head event (moved to {@code outbox_skipped_event} with who and why, so the
 * aggregate's later events go on). Every retry and skip is logged as an audit line.
 */
class OutboxOperations {

    private static final Logger audit = LoggerFactory.getLogger("com.fniexchange.audit.outbox");

    private final OutboxRepository repository;
    private final TransactionTemplate transactions;

    OutboxOperations(OutboxRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    private boolean wake() {
        repository.notifyRelays();
        return true;
    }

    /** Every parked chain, oldest first. */
    public List<ParkedChain> parked() {
        return transactions.execute(s -> repository.parked());
    }

    /**
     * Un-parks the aggregate's chain; the relay tries its head event again at once.
     *
     * @return false when the aggregate has no parked chain
     */
    public boolean retry(String aggregateId, String actor) {
        boolean retried = Boolean.TRUE.equals(transactions.execute(s -> repository.unpark(aggregateId) && wake()));
        if (retried) {
            audit.info("outbox chain {} un-parked for retry by {}", aggregateId, actor);
        }
        return retried;
    }

    /**
     * Skips the parked head event of the aggregate: it is never published, and is kept in
     * {@code outbox_skipped_event}. The chain's next event is published next.
     *
     * @return the skipped event's id, empty when the aggregate has no parked chain
     */
    public Optional<UUID> skip(String aggregateId, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a skip needs a reason: it is kept with the skipped event for audit");
        }
        Optional<UUID> skipped = transactions.execute(s -> {
            Optional<UUID> head = repository.skipParkedHead(aggregateId, actor, reason.strip());
            head.ifPresent(id -> wake());
            return head;
        });
        skipped.ifPresent(id -> audit.warn("outbox event {} of chain {} skipped (never published) by {}: {}", id, aggregateId,
                actor, reason.strip()));
        return skipped;
    }
}
