package com.fniexchange.cancellation.refund;

import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cancellation fee a state allows after the free-look window, charged on the gross unearned
 * refund. {@code cap} (any type) is the state's maximum fee; it makes "capped" a property of
 * every fee rather than a type of its own.
 *
 * @param type    how the fee is computed
 * @param flat    the flat amount (FLAT, LESSER_OF_PERCENT_AND_FLAT); null otherwise
 * @param percent the percentage of the gross refund, e.g. 10 for 10% (PERCENT, LESSER_OF_PERCENT_AND_FLAT)
 * @param cap     the most the fee may be; null for no cap
 */
public record FeeRule(Type type, Money flat, BigDecimal percent, Money cap) {

    public enum Type { NONE, FLAT, PERCENT, LESSER_OF_PERCENT_AND_FLAT }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public FeeRule {
        Objects.requireNonNull(type, "type");
        boolean needsFlat = type == Type.FLAT || type == Type.LESSER_OF_PERCENT_AND_FLAT;
        boolean needsPercent = type == Type.PERCENT || type == Type.LESSER_OF_PERCENT_AND_FLAT;
        if (needsFlat && (flat == null || flat.isNegative())) {
            throw new IllegalArgumentException(type + " fee needs a flat amount of at least 0");
        }
        if (needsPercent && (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0)) {
            throw new IllegalArgumentException(type + " fee needs a percentage from 0 to below 100");
        }
        if (cap != null && cap.isNegative()) {
            throw new IllegalArgumentException("a fee cap cannot be negative");
        }
    }

    public static FeeRule none() {
        return new FeeRule(Type.NONE, null, null, null);
    }

    public static FeeRule flat(Money amount) {
        return new FeeRule(Type.FLAT, amount, null, null);
    }

    public static FeeRule percent(BigDecimal percent, Money cap) {
        return new FeeRule(Type.PERCENT, null, percent, cap);
    }

    public static FeeRule lesserOf(BigDecimal percent, Money flat) {
        return new FeeRule(Type.LESSER_OF_PERCENT_AND_FLAT, flat, percent, null);
    }

    /** The fee on a gross unearned refund, before it is limited to what is left to refund. */
    public Money on(Money gross) {
        Money fee = switch (type) {
            case NONE -> Money.ZERO;
            case FLAT -> flat;
            case PERCENT -> percentOf(gross);
            case LESSER_OF_PERCENT_AND_FLAT -> percentOf(gross).min(flat);
        };
        return cap == null ? fee : fee.min(cap);
    }

    private Money percentOf(Money gross) {
        return gross.times(percent.movePointLeft(2));
    }
}
