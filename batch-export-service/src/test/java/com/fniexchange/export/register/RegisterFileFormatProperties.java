package com.fniexchange.export.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.RegisterCatalog;
import com.fniexchange.export.register.RegisterRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every layout reads back exactly what it wrote (the reconciliation re-reads files this way),
 * and a trailer carries exact decimal totals.
 */
class RegisterFileFormatProperties {

    @Property(tries = 300)
    void aDetailLineReadsBackAsWritten(@ForAll("records") RegisterRecord record, @ForAll FileLayout layout) {
        RegisterFileFormat format = new RegisterFileFormat(RegisterCatalog.REMITTANCE, layout);
        String line = format.detail(record);
        assertThat(line).doesNotContain("\n");
        assertThat(format.parseDetail(line)).isEqualTo(record.values());
    }

    @Property(tries = 300)
    void aTrailerCarriesTheExactTotals(@ForAll("amounts") List<BigDecimal> costs, @ForAll FileLayout layout) {
        RegisterFileFormat format = new RegisterFileFormat(RegisterCatalog.REMITTANCE, layout);
        BigDecimal total = costs.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
        RegisterFileFormat.Trailer trailer = format.parseTrailer(format.trailer(costs.size(), List.of(total)));
        assertThat(trailer.count()).isEqualTo(costs.size());
        assertThat(trailer.totals()).containsExactly(total);
        assertThat(trailer.totals().get(0).scale()).isEqualTo(2);
    }

    @Property(tries = 100)
    void aValueALayoutCannotCarryFailsRatherThanBeAltered(@ForAll("records") RegisterRecord record) {
        List<String> values = new ArrayList<>(record.values());
        values.set(4, "ACME|MOTORS");
        assertThatThrownBy(() -> new RegisterFileFormat(RegisterCatalog.REMITTANCE, FileLayout.PIPE)
                .detail(new RegisterRecord(record.key(), values))).isInstanceOf(FileLayout.UnwritableValue.class)
                .hasMessageContaining(record.key());
        values.set(4, "A".repeat(21)); // make is 20 wide
        assertThatThrownBy(() -> new RegisterFileFormat(RegisterCatalog.REMITTANCE, FileLayout.FIXED_WIDTH)
                .detail(new RegisterRecord(record.key(), values))).isInstanceOf(FileLayout.UnwritableValue.class);
    }

    @Provide
    Arbitrary<List<BigDecimal>> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999.99")).ofScale(2).list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<RegisterRecord> records() {
        Arbitrary<String> key = Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMinLength(1).ofMaxLength(20);
        // text that CSV must quote: commas, quotes; never a pipe or line break (refused, see below)
        Arbitrary<String> make = Arbitraries.strings().withCharRange('A', 'Z').withChars(' ', ',', '"', '&').ofMaxLength(20);
        Arbitrary<String> cost = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999.99")).ofScale(2)
                .map(BigDecimal::toPlainString);
        return Combinators.combine(key, make, cost, Arbitraries.strings().numeric().ofLength(4))
                .as((k, m, c, d) -> new RegisterRecord(k, List.of(k, "2026-01-15T17:00:01.000000Z",
                        "3c55a444-6093-4d42-9482-5050f59c6e3a", "D" + d, m.strip(), "VSC", c)));
    }
}
