package com.fniexchange.export.register;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.RegisterColumn;
import com.fniexchange.export.register.RegisterDefinition;
import com.fniexchange.export.register.RegisterRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The file layout partners receive (version {@value #LAYOUT_VERSION}; README "File layout"):
 * <pre>
 * H  partnerId register businessDate fileId layoutVersion
 * D  one line per record, the register's columns in order
 * T  recordCount, then one total per amount column
 * </pre>
 * each line in the partner's layout (CSV, pipe or fixed width), UTF-8, LF line ends.
 */
public final class RegisterFileFormat {

    public static final String LAYOUT_VERSION = "1";
    static final int PARTNER_WIDTH = 40;
    static final int REGISTER_WIDTH = 20;
    static final int FILE_ID_WIDTH = 80;
    static final int COUNT_WIDTH = 12;
    static final int TOTAL_WIDTH = 16;

    private final RegisterDefinition register;
    private final FileLayout layout;
    private final List<Integer> detailWidths;
    private final List<Boolean> detailNumeric;
    private final List<Integer> trailerWidths;
    private final List<Boolean> trailerNumeric;

    public RegisterFileFormat(RegisterDefinition register, FileLayout layout) {
        this.register = register;
        this.layout = layout;
        this.detailWidths = List.copyOf(detailWidths());
        this.detailNumeric = List.copyOf(detailNumeric());
        this.trailerWidths = List.copyOf(trailerWidths());
        this.trailerNumeric = List.copyOf(trailerNumeric());
    }

    public RegisterDefinition register() {
        return register;
    }

    public FileLayout layout() {
        return layout;
    }

    public String header(String partnerId, LocalDate businessDate, String fileId) {
        return layout.format(List.of("H", partnerId, register.register().name(), businessDate.toString(), fileId, LAYOUT_VERSION),
                List.of(1, PARTNER_WIDTH, REGISTER_WIDTH, 10, FILE_ID_WIDTH, 3),
                List.of(false, false, false, false, false, true));
    }

    public String detail(RegisterRecord record) {
        List<String> fields = new ArrayList<>(record.values().size() + 1);
        fields.add("D");
        fields.addAll(record.values());
        try {
            return layout.format(fields, detailWidths, detailNumeric);
        } catch (FileLayout.UnwritableValue e) {
            throw new FileLayout.UnwritableValue("record " + record.key() + ": " + e.getMessage());
        }
    }

    public String trailer(long count, List<BigDecimal> totals) {
        List<String> fields = new ArrayList<>();
        fields.add("T");
        fields.add(Long.toString(count));
        totals.forEach(t -> fields.add(t.toPlainString()));
        return layout.format(fields, trailerWidths, trailerNumeric);
    }

    /** The detail values of a D line (without the record type). */
    public List<String> parseDetail(String line) {
        List<String> fields = layout.parse(line, detailWidths);
        return fields.subList(1, fields.size());
    }

    /** Count and totals of a T line. */
    public Trailer parseTrailer(String line) {
        List<String> fields = layout.parse(line, trailerWidths);
        if (!"T".equals(fields.get(0)) || fields.size() != 2 + register.amountColumns().size()) {
            throw new IllegalArgumentException("not a trailer: " + line);
        }
        List<BigDecimal> totals = fields.subList(2, fields.size()).stream().map(BigDecimal::new).toList();
        return new Trailer(Long.parseLong(fields.get(1)), totals);
    }

    /** What a trailer says. */
    public record Trailer(long count, List<BigDecimal> totals) {
    }

    private List<Integer> detailWidths() {
        List<Integer> widths = new ArrayList<>();
        widths.add(1);
        register.columns().forEach(c -> widths.add(c.width()));
        return widths;
    }

    private List<Boolean> detailNumeric() {
        List<Boolean> numeric = new ArrayList<>();
        numeric.add(false);
        for (RegisterColumn c : register.columns()) {
            numeric.add(c.type().numeric());
        }
        return numeric;
    }

    private List<Integer> trailerWidths() {
        List<Integer> widths = new ArrayList<>(List.of(1, COUNT_WIDTH));
        widths.addAll(Collections.nCopies(register.amountColumns().size(), TOTAL_WIDTH));
        return widths;
    }

    private List<Boolean> trailerNumeric() {
        List<Boolean> numeric = new ArrayList<>(List.of(false, true));
        numeric.addAll(Collections.nCopies(register.amountColumns().size(), true));
        return numeric;
    }
}
