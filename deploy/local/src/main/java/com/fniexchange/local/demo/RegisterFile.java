package com.fniexchange.local.demo;

import com.fniexchange.model.file.FileLayout;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A nightly register file as the partner reads it (batch-export-service README, "File layout",
 * version 1): an {@code H} header (partner, register, business date, file id, layout version), one
 * {@code D} line per record in the register's column order, and a {@code T} trailer with the record
 * count and one total per amount column. Pipe-delimited without quoting, or CSV (RFC 4180).
 * Read with a parser of its own, not batch-export-service's {@code FileLayout}: a partner has only
 * the guide, and a check that shared the writer's code would share its mistakes.
 *
 * @param details each D line's values, without the record type
 */
record RegisterFile(String partnerId, String register, LocalDate businessDate, String fileId, String layoutVersion,
                    List<List<String>> details, long trailerCount, List<BigDecimal> trailerTotals) {

    /**
     * What this run's APIs said the file must hold.
     *
     * @param keys          the records' keys
     * @param amountColumns the D-line columns (without the record type) the trailer totals
     * @param totals        the totals of those columns
     */
    record Expected(String partnerId, String register, LocalDate businessDate, Set<String> keys, List<Integer> amountColumns,
                    List<BigDecimal> totals) {

        Expected forPartner(String id) {
            return new Expected(id, register, businessDate, keys, amountColumns, totals);
        }
    }

    /**
     * Reads a file's text.
     *
     * @param layout {@code PIPE} or {@code CSV}
     * @throws IllegalArgumentException naming the line that is not what the layout says
     */
    static RegisterFile parse(String text, String layout) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the last line's LF
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a register file has at least a header and a trailer; this one has " + lines.size() + " line(s)");
        }
        List<String> header = fields(lines.get(0), layout);
        if (header.size() != 6 || !"H".equals(header.get(0))) {
            throw new IllegalArgumentException("line 1 is not a header (H + 5 fields): " + lines.get(0));
        }
        List<String> trailer = fields(lines.get(lines.size() - 1), layout);
        if (trailer.size() < 2 || !"T".equals(trailer.get(0))) {
            throw new IllegalArgumentException("the last line is not a trailer (T, count, totals): " + lines.get(lines.size() - 1));
        }
        List<List<String>> details = new ArrayList<>();
        for (int i = 1; i < lines.size() - 1; i++) {
            List<String> d = fields(lines.get(i), layout);
            if (!"D".equals(d.get(0))) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a detail line: " + lines.get(i));
            }
            details.add(List.copyOf(d.subList(1, d.size())));
        }
        List<BigDecimal> totals = trailer.subList(2, trailer.size()).stream().map(BigDecimal::new).toList();
        return new RegisterFile(header.get(1), header.get(2), LocalDate.parse(header.get(3)), header.get(4), header.get(5),
                List.copyOf(details), Long.parseLong(trailer.get(1)), totals);
    }

    /** The record keys (each D line's first value: contract number, claim id, cancellation id). */
    List<String> keys() {
        return details.stream().map(d -> d.get(0)).toList();
    }

    /** The sum of each amount column over the D lines. */
    List<BigDecimal> detailTotals(List<Integer> amountColumns) {
        List<BigDecimal> totals = new ArrayList<>();
        for (int column : amountColumns) {
            BigDecimal sum = new BigDecimal("0.00");
            for (List<String> d : details) {
                sum = sum.add(new BigDecimal(d.get(column)));
            }
            totals.add(sum);
        }
        return totals;
    }

    /** Where the file differs from what the APIs said; empty when it holds exactly this run's records. */
    List<String> problems(Expected expected) {
        List<String> problems = new ArrayList<>();
        if (!partnerId.equals(expected.partnerId()) || !register.equals(expected.register())
                || !expected.businessDate().equals(businessDate)) {
            problems.add("header names " + partnerId + " / " + register + " / " + businessDate + ", expected " + expected.partnerId()
                    + " / " + expected.register() + " / " + expected.businessDate());
        }
        if (trailerCount != details.size()) {
            problems.add("trailer counts " + trailerCount + " records, the file holds " + details.size());
        }
        if (trailerCount != expected.keys().size()) {
            problems.add("trailer counts " + trailerCount + " records, this run has " + expected.keys().size());
        }
        Set<String> keys = new HashSet<>(keys());
        if (!keys.equals(expected.keys()) || keys.size() != details.size()) {
            Set<String> extra = new HashSet<>(keys);
            extra.removeAll(expected.keys());
            Set<String> absent = new HashSet<>(expected.keys());
            absent.removeAll(keys);
            problems.add("records differ: not from this run " + extra + ", missing " + absent
                    + (keys.size() != details.size() ? ", some more than once" : ""));
        }
        if (!sameAmounts(trailerTotals, expected.totals())) {
            problems.add("trailer totals " + trailerTotals + ", the APIs' figures add up to " + expected.totals());
        }
        if (problems.isEmpty() && !sameAmounts(detailTotals(expected.amountColumns()), trailerTotals)) {
            problems.add("trailer totals " + trailerTotals + ", the D lines add up to " + detailTotals(expected.amountColumns()));
        }
        return problems;
    }

    static boolean sameAmounts(List<BigDecimal> a, List<BigDecimal> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).compareTo(b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The layouts the demo's partners receive; fixed width needs the register's widths, which the demo does not hold. */
    private static List<String> fields(String line, String layout) {
        if (!"PIPE".equals(layout) && !"CSV".equals(layout)) {
            throw new IllegalArgumentException("layout " + layout + " is not read here (PIPE or CSV)");
        }
        return FileLayout.valueOf(layout).parse(line, List.of());
    }
}
