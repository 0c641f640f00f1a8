package com.fniexchange.export.register;

import java.util.List;
import java.util.Objects;

/**
 * What a register is: the owning service's reporting view, its key, the instant column that
 * places a row in a business date, the columns partners receive, the amounts the trailer
 * totals, the entitlement columns, and the events it reconciles against. Adding a register
 * is adding one of these to {@link RegisterCatalog}.
 *
 * @param fileCode      the register's part of file names ({@code contracts})
 * @param view          schema-qualified view
 * @param keyColumn     unique per row within a date; the file's sort order and reconciliation key
 * @param instantColumn the instant a row belongs to its business date by
 * @param dealerColumn  entitlement by dealer code
 * @param makeColumn    entitlement by make (compared upper-case); null when the view has no make:
 *                      a partner entitled by make then receives none of the register
 * @param columns       the detail columns in file order; the key is the first
 * @param amountColumns view columns (of {@code columns}, type MONEY) the trailer totals
 */
public record RegisterDefinition(
        Register register,
        String fileCode,
        String view,
        String keyColumn,
        String instantColumn,
        String dealerColumn,
        String makeColumn,
        List<RegisterColumn> columns,
        List<String> amountColumns,
        EventMatch events) {

    public RegisterDefinition {
        columns = List.copyOf(columns);
        amountColumns = List.copyOf(amountColumns);
        if (!columns.get(0).column().equals(keyColumn)) {
            throw new IllegalArgumentException(register + ": the key column comes first");
        }
        for (String amount : amountColumns) {
            RegisterColumn c = columns.stream().filter(col -> col.column().equals(amount)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(register + ": amount " + amount + " is not a column"));
            if (c.type() != ColumnType.MONEY) {
                throw new IllegalArgumentException(register + ": amount " + amount + " is not MONEY");
            }
            Objects.requireNonNull(events.amountFields().get(amount), register + ": no event field for " + amount);
        }
    }

    /** Position of an amount column among the detail columns. */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).column().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }

    /** The header names of the amount columns, as the trailer and reports name them. */
    public List<String> amountNames() {
        return amountColumns.stream().map(a -> columns.get(columnIndex(a)).name()).toList();
    }
}
