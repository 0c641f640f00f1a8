package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of US dollars with exactly two decimals. In JSON it is a plain number with two
 * decimals ({@code 1234.50}); in SQL {@code numeric(12,2)}. Amounts that carry more than two
 * decimals are refused rather than rounded, so no caller ever loses a cent silently; results of
 * arithmetic (fractions, percentages) are rounded half-up to the cent by the method that makes
 * them.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final String CURRENCY = "USD";
    /** numeric(12,2): ten digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("9999999999.99");
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount == null) {
            throw new InvalidValueException("amount is required");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("amount " + amount.toPlainString()
                    + " has more than two decimals");
        }
        if (amount.abs().compareTo(LIMIT) > 0) {
            throw new InvalidValueException("amount " + amount.toPlainString() + " is too large");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money of(String amount) {
        try {
            return new Money(new BigDecimal(amount));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("'" + amount + "' is not a decimal amount");
        }
    }

    /** Rounds an exact result (for example a pro-rata share) half-up to the cent. */
    public static Money rounded(BigDecimal exact) {
        return new Money(exact.setScale(2, RoundingMode.HALF_UP));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** This amount times a factor, rounded half-up to the cent. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @JsonValue
    @Override
    public BigDecimal amount() {
        return amount;
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
