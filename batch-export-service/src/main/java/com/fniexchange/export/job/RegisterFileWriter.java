package com.fniexchange.export.job;

import com.fniexchange.export.register.RegisterDefinition;
import com.fniexchange.export.register.RegisterRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.batch.item.file.FlatFileItemWriter;
import org.springframework.core.io.FileSystemResource;

/**
 * The extract's writer: header, details and trailer in plain text, restartable. The record
 * count and amount totals live in the step's ExecutionContext, saved at every chunk commit
 * with the file's position, so a restarted step continues both from the same point (the
 * step's write count would only count the restarted part).
 */
class RegisterFileWriter implements ItemStreamWriter<RegisterRecord> {

    static final String COUNT = "extract.count";
    static final String TOTALS = "extract.totals";

    private final FlatFileItemWriter<RegisterRecord> file = new FlatFileItemWriter<>();
    private final RegisterDefinition register;
    private final RegisterFileFormat format;
    private final int[] amountIndexes;
    private final ExportFaults faults;
    private final String partnerId;
    private long count;
    private BigDecimal[] totals;
    private int chunks;

    RegisterFileWriter(RegisterDefinition register, RegisterFileFormat format, Path plainFile, String partnerId,
                       LocalDate businessDate, String fileId, ExportFaults faults) {
        this.register = register;
        this.format = format;
        this.faults = faults;
        this.partnerId = partnerId;
        this.amountIndexes = register.amountColumns().stream().mapToInt(register::columnIndex).toArray();
        file.setName("extract.file");
        file.setResource(new FileSystemResource(plainFile));
        file.setEncoding(StandardCharsets.UTF_8.name());
        file.setLineSeparator("\n");
        file.setShouldDeleteIfExists(true);
        file.setLineAggregator(format::detail);
        file.setHeaderCallback(w -> w.write(format.header(partnerId, businessDate, fileId)));
        file.setFooterCallback(w -> w.write(format.trailer(count, Arrays.asList(totals)) + "\n"));
        resetTotals();
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        resetTotals();
        if (context.containsKey(COUNT)) {
            count = context.getLong(COUNT);
            String[] saved = context.getString(TOTALS).split(",", -1);
            for (int i = 0; i < totals.length; i++) {
                totals[i] = new BigDecimal(saved[i]);
            }
        }
        file.open(context);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        file.update(context);
        context.putLong(COUNT, count);
        List<String> saved = new ArrayList<>();
        for (BigDecimal t : totals) {
            saved.add(t.toPlainString());
        }
        context.putString(TOTALS, String.join(",", saved));
    }

    @Override
    public void close() throws ItemStreamException {
        file.close();
    }

    @Override
    public void write(Chunk<? extends RegisterRecord> chunk) throws Exception {
        faults.beforeChunk(partnerId, ++chunks);
        file.write(chunk);
        for (RegisterRecord r : chunk) {
            count++;
            for (int i = 0; i < amountIndexes.length; i++) {
                String v = r.values().get(amountIndexes[i]);
                if (!v.isEmpty()) {
                    totals[i] = totals[i].add(new BigDecimal(v));
                }
            }
        }
    }

    private void resetTotals() {
        count = 0;
        totals = new BigDecimal[register.amountColumns().size()];
        Arrays.fill(totals, new BigDecimal("0.00"));
    }
}
