package com.fniexchange.claims.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Claim totals: never negative, the deductible applied once, rounded half-up to the cent once. */
class ClaimTotalsProperties {

    @Property
    void neverNegativeAndTheDeductibleIsAppliedOnce(@ForAll("lines") RepairLines lines, @ForAll("deductibles") Money deductible) {
        ClaimTotals totals = ClaimTotals.of(lines, deductible);
        assertThat(totals.total().isNegative()).isFalse();
        assertThat(totals.deductible().plus(totals.total())).isEqualTo(totals.gross());
        // applied once: the whole deductible when the gross covers it, else exactly the gross
        assertThat(totals.deductible()).isEqualTo(totals.gross().compareTo(deductible) >= 0 ? deductible : totals.gross());
    }

    @Property
    void theGrossIsTheExactSumRoundedHalfUpOnce(@ForAll("lines") RepairLines lines) {
        BigDecimal exact = lines.sublet().add(lines.rental()).add(lines.towing());
        for (RepairLines.PartLine p : lines.parts()) {
            exact = exact.add(p.quantity().multiply(p.unitPrice()));
        }
        for (RepairLines.LabourLine l : lines.labour()) {
            exact = exact.add(l.hours().multiply(l.rate()));
        }
        ClaimTotals totals = ClaimTotals.of(lines, Money.ZERO);
        assertThat(totals.gross().amount().scale()).isEqualTo(2);
        assertThat(totals.gross().amount()).isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_UP));
        // rounding once stays within half a cent of the exact sum, however many lines there are
        assertThat(totals.gross().amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Property
    void theOrderOfTheLinesDoesNotMatter(@ForAll("lines") RepairLines lines, @ForAll("deductibles") Money deductible) {
        List<RepairLines.PartLine> parts = new ArrayList<>(lines.parts());
        List<RepairLines.LabourLine> labour = new ArrayList<>(lines.labour());
        Collections.reverse(parts);
        Collections.reverse(labour);
        RepairLines reversed = new RepairLines(parts, labour, lines.sublet(), lines.rental(), lines.towing());
        assertThat(ClaimTotals.of(reversed, deductible)).isEqualTo(ClaimTotals.of(lines, deductible));
    }

    @Property
    void addingALineNeverLowersTheTotal(@ForAll("lines") RepairLines lines, @ForAll("deductibles") Money deductible,
                                        @ForAll("parts") RepairLines.PartLine extra) {
        List<RepairLines.PartLine> more = new ArrayList<>(lines.parts());
        more.add(extra);
        RepairLines bigger = new RepairLines(more, lines.labour(), lines.sublet(), lines.rental(), lines.towing());
        assertThat(ClaimTotals.of(bigger, deductible).total()).isGreaterThanOrEqualTo(ClaimTotals.of(lines, deductible).total());
    }

    @Provide
    Arbitrary<Money> deductibles() {
        return Arbitraries.of("0.00", "50.00", "100.00", "250.00", "0.01", "1000.00").map(Money::of);
    }

    private static Arbitrary<BigDecimal> cents(long maxCents) {
        return Arbitraries.longs().between(0, maxCents).map(c -> BigDecimal.valueOf(c, 2));
    }

    @Provide
    Arbitrary<RepairLines.PartLine> parts() {
        return Combinators.combine(Arbitraries.longs().between(1, 2_000).map(q -> BigDecimal.valueOf(q, 2)), cents(500_000))
                .as((q, price) -> new RepairLines.PartLine("P-1", null, q, price));
    }

    @Provide
    Arbitrary<RepairLines> lines() {
        Arbitrary<RepairLines.LabourLine> labour = Combinators.combine(
                        Arbitraries.longs().between(1, 9_999).map(h -> BigDecimal.valueOf(h, 2)), cents(30_000))
                .as((h, rate) -> new RepairLines.LabourLine("OP", h, rate));
        return Combinators.combine(parts().list().ofMaxSize(8), labour.list().ofMaxSize(5), cents(100_000), cents(50_000), cents(50_000))
                .as(RepairLines::new);
    }
}
