package com.fniexchange.export.job;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.ColumnType;
import com.fniexchange.export.register.Entitlement;
import com.fniexchange.export.register.ExportWindow;
import com.fniexchange.export.register.RegisterDefinition;
import com.fniexchange.export.register.RegisterFileFormat;
import com.fniexchange.export.register.RegisterLines;
import com.fniexchange.export.register.RegisterQuery;
import com.fniexchange.export.register.RegisterRecord;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStream;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The extract step: the plain file's header, the detail lines, then the trailer. The database
 * builds each detail line ({@link RegisterQuery#detailLines}) and streams them through
 * {@code COPY ... TO STDOUT} on a connection this step holds from {@link #open} to
 * {@link #close}; their bytes go to the file as they come, with no per-item machinery (issue 10's
 * speed target: the per-row cost of a cursor read into Strings was most of the export).
 * <p>
 * One call writes one chunk of {@code chunkSize} records and is committed with the step's
 * context ({@link #update}): the file's length, the last key written, the record count and the
 * amount totals. A restart cuts the file back to that length and copies the records after that
 * key, so its file is byte-identical to a clean run's. A line that fails {@link BuiltLineCheck}
 * (a value the layout cannot carry) is formatted here in Java instead
 * ({@link RegisterFileFormat#detail}), which refuses the record naming its key.
 */
final class RegisterExtract implements Tasklet, ItemStream {

    static final String COUNT = "extract.count";
    static final String TOTALS = "extract.totals";
    static final String POSITION = "extract.position";
    static final String LAST_KEY = "extract.lastKey";
    static final String SELECTION = "extract.selection";

    private static final Logger log = LoggerFactory.getLogger(RegisterExtract.class);

    /** What one extract writes. */
    record Subject(RegisterDefinition register, RegisterFileFormat format, Entitlement entitlement, ExportWindow window,
                   Path plainFile, String partnerId, LocalDate businessDate, String fileId) {
    }

    private final Subject subject;
    private final DataSource dataSource;
    private final int chunkSize;
    private final ExportFaults faults;
    private final int amounts;
    private final int lineField;
    private final CopyRow row;
    private final BuiltLineCheck check;

    private FileChannel channel;
    private OutputStream out;
    private Connection connection;
    private CopyOut copy;
    private long count;
    private long[] totalCents;
    private String lastKey;
    private boolean rowsSinceUpdate;
    private int chunks;

    RegisterExtract(Subject subject, DataSource dataSource, int chunkSize, ExportFaults faults) {
        this.subject = subject;
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
        this.faults = faults;
        this.amounts = subject.register().amountColumns().size();
        this.lineField = 1 + amounts;
        this.row = subject.format().layout() == FileLayout.CSV ? CopyRow.inCsvFormat(1 + amounts) : CopyRow.inTextFormat(1 + amounts);
        this.check = new BuiltLineCheck(subject.register(), subject.format().layout());
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        Path file = subject.plainFile();
        try {
            Files.createDirectories(file.getParent());
            totalCents = new long[amounts];
            String selection = selection();
            boolean resumable = context.containsKey(POSITION) && selection.equals(context.getString(SELECTION, null));
            if (context.containsKey(POSITION) && !resumable) {
                // the partner's entitlement, layout or the register changed since the failed run: its
                // first part was selected under the old ones, so the file starts over
                log.warn("extract of {} starts over: what it selects changed since it stopped", file);
            }
            if (resumable && (!Files.exists(file) || Files.size(file) < context.getLong(POSITION))) {
                // restarted on another replica or a new pod (each has a work folder of its own), or the
                // folder was emptied: what was committed is not here, so the extract runs again, whole
                log.warn("extract of {} starts over: the stopped run's file is not in this work folder, or is shorter than it committed",
                        file);
                resumable = false;
            }
            if (!resumable) {
                // a start over forgets the stopped run's place: were it kept, a failure before this
                // run's first commit would resume after the old last key with none of the rows before it
                for (String key : new String[] {POSITION, COUNT, TOTALS, LAST_KEY}) {
                    context.remove(key);
                }
            }
            context.putString(SELECTION, selection);
            if (resumable) {
                long position = context.getLong(POSITION);
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
                channel.truncate(position).position(position);
                count = context.getLong(COUNT);
                String[] totals = context.getString(TOTALS).split(",", -1);
                for (int i = 0; i < amounts; i++) {
                    totalCents[i] = new BigDecimal(totals[i]).movePointRight(2).longValueExact();
                }
                lastKey = context.containsKey(LAST_KEY) ? context.getString(LAST_KEY) : null;
                out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            } else {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                out.write(utf8Line(subject.format().header(subject.partnerId(), subject.businessDate(), subject.fileId())));
            }
            connection = dataSource.getConnection();
            try (var st = connection.createStatement()) {
                // the whole extract is one COPY statement: a timeout meant for requests must not cut it
                st.execute("SET statement_timeout = 0");
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            String query = RegisterQuery.detailLines(subject.register(), subject.format().layout(), subject.entitlement(),
                    subject.window(), lastKey).sqlWithLiterals(pg::escapeLiteral);
            copy = pg.getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT " + RegisterLines.copyFormat(subject.format().layout()));
        } catch (IOException | SQLException e) {
            close();
            throw new ItemStreamException("cannot open the extract of " + file, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** What decides the file's lines: a restart resumes only under the same. */
    private String selection() {
        return String.join(";", subject.register().register().name(), subject.format().layout().name(),
                String.join(",", subject.register().columns().stream().map(c -> c.column() + ":" + c.type() + ":" + c.width()).toList()),
                String.join(",", new TreeSet<>(subject.entitlement().dealerCodes())),
                String.join(",", new TreeSet<>(subject.entitlement().makes())),
                subject.window().start() + "/" + subject.window().cutoff());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        byte[] next = copy.readFromCopy();
        if (next != null) {
            faults.beforeChunk(subject.partnerId(), ++chunks);
            int written = 0;
            while (next != null) {
                write(row.read(next));
                contribution.incrementReadCount();
                if (++written == chunkSize) {
                    break;
                }
                next = copy.readFromCopy();
            }
            contribution.incrementWriteCount(written);
            rowsSinceUpdate = true;
            if (next != null) {
                return RepeatStatus.CONTINUABLE;
            }
        }
        List<BigDecimal> totals = Arrays.stream(totalCents).mapToObj(c -> BigDecimal.valueOf(c, 2)).toList();
        out.write(utf8Line(subject.format().trailer(count, totals)));
        return RepeatStatus.FINISHED;
    }

    private void write(CopyRow r) throws IOException {
        count++;
        for (int i = 0; i < amounts; i++) {
            if (!r.isNull(1 + i)) {
                totalCents[i] = Math.addExact(totalCents[i], r.cents(1 + i));
            }
        }
        if (r.isNull(lineField)) {
            out.write(lineInJava(r.text(0)));
        } else if (r.escaped(lineField)) {
            // rare: a tab, line break or backslash in a value, escaped by COPY's text format (CSV never)
            byte[] line = r.value(lineField);
            if (check.accepts(line, 0, line.length)) {
                out.write(line);
                out.write('\n');
            } else {
                out.write(lineInJava(r.text(0)));
            }
        } else if (check.accepts(r.bytes(), r.start(lineField), r.end(lineField))) {
            out.write(r.bytes(), r.start(lineField), r.end(lineField) + 1 - r.start(lineField)); // with its newline
        } else {
            out.write(lineInJava(r.text(0)));
        }
    }

    /** The record's line by Java's rules: throws {@link FileLayout.UnwritableValue} naming the key when it has none. */
    private byte[] lineInJava(String key) {
        RegisterDefinition register = subject.register();
        RegisterQuery query = RegisterQuery.detail(register, subject.entitlement(), subject.window(), key);
        int columns = register.columns().size();
        List<RegisterRecord> records = new JdbcTemplate(dataSource).query(query.sql(), query::bind, (rs, n) -> {
            List<String> values = new ArrayList<>(columns);
            for (int i = 0; i < columns; i++) {
                values.add(ColumnType.read(rs, i + 1));
            }
            return new RegisterRecord(key, values);
        });
        if (records.size() != 1) {
            throw new IllegalStateException("record " + key + ": " + records.size() + " rows when read again");
        }
        // a line after all: a fixed-width value beyond the BMP (Java counts it as two), or the record changed meanwhile
        String line = subject.format().detail(records.get(0));
        log.debug("record {}: line built by Java's rules", key);
        return utf8Line(line);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        try {
            out.flush();
            context.putLong(POSITION, channel.position());
        } catch (IOException e) {
            throw new ItemStreamException("cannot write " + subject.plainFile(), e);
        }
        if (rowsSinceUpdate) {
            lastKey = row.text(0);
            rowsSinceUpdate = false;
        }
        if (lastKey != null) {
            context.putString(LAST_KEY, lastKey);
        }
        context.putString(SELECTION, selection());
        context.putLong(COUNT, count);
        List<String> totals = new ArrayList<>();
        for (long cents : totalCents) {
            totals.add(BigDecimal.valueOf(cents, 2).toPlainString());
        }
        context.putString(TOTALS, String.join(",", totals));
    }

    /** Also after a failure: an unfinished COPY is ended ({@link #endUnfinishedCopy}), the connection given back, the file closed. */
    @Override
    public void close() throws ItemStreamException {
        // an evicted connection still holds the rest of the COPY: nothing more may be sent on it
        boolean usable = copy == null || !copy.isActive() || endUnfinishedCopy();
        copy = null;
        if (connection != null) {
            try {
                if (usable && !connection.isClosed()) {
                    try (var st = connection.createStatement()) {
                        st.execute("RESET statement_timeout");
                    }
                }
            } catch (SQLException e) {
                log.debug("could not reset the extract connection's statement_timeout: {}", e.getMessage());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("closing the extract's connection failed: {}", e.getMessage());
            }
            connection = null;
        }
        try {
            if (out != null) {
                out.close();
            } else if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + subject.plainFile(), e);
        } finally {
            out = null;
            channel = null;
        }
    }

    /**
     * pgjdbc's {@code cancelCopy} only asks the server to stop: the rest of the COPY stays unread
     * on the connection, and the pool would hand that to its next user. So the pool closes the
     * connection for good (the server then ends the COPY), or, in another pool, the rest is read.
     */
    /** @return whether the connection can still be used (the rest of the COPY was read) */
    private boolean endUnfinishedCopy() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                return false;
            }
            while (copy.readFromCopy() != null) {
                // discarded
            }
            return true;
        } catch (SQLException e) {
            log.warn("ending the extract's unfinished COPY failed: {}", e.getMessage());
            return false;
        }
    }

    private static byte[] utf8Line(String line) {
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
