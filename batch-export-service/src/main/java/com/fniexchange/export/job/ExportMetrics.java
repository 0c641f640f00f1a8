package com.fniexchange.export.job;

import com.fniexchange.export.partner.Partner;
import com.fniexchange.export.partner.PartnerChanged;
import com.fniexchange.export.partner.PartnerRepository;
import com.fniexchange.export.register.Register;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code fni.export.last.success} (epoch seconds of the last completed export, per register and
 * partner; 0 when none ever completed, so a partner that never got a file alerts too) and
 * {@code fni.reconciliation.mismatches} and {@code fni.export.failures} (both registered at 0 with
 * the gauge, per register and partner).
 */
@Component
public class ExportMetrics {

    public static final String LAST_SUCCESS = "fni.export.last.success";
    public static final String MISMATCHES = "fni.reconciliation.mismatches";
    public static final String FAILURES = "fni.export.failures";

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final PartnerRepository partners;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    ExportMetrics(MeterRegistry registry, JdbcClient jdbc, PartnerRepository partners) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.partners = partners;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        partners.all().stream().filter(Partner::active)
                .forEach(p -> p.registers().forEach(r -> gauge(r.name(), p.partnerId())));
        // Spring Batch stores local date-times in the JVM's zone
        jdbc.sql("""
                SELECT r.parameter_value, p.parameter_value, max(e.end_time)
                FROM batch_job_execution e
                JOIN batch_job_execution_params r ON r.job_execution_id = e.job_execution_id AND r.parameter_name = 'register'
                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'partnerId'
                WHERE e.status = 'COMPLETED' GROUP BY 1, 2""")
                .query((rs, n) -> {
                    // history of a partner or register no longer exported gets no gauge: it would alert forever
                    AtomicLong known = lastSuccess.get(rs.getString(1) + "|" + rs.getString(2));
                    if (known != null) {
                        known.accumulateAndGet(rs.getTimestamp(3).toLocalDateTime().atZone(ZoneId.systemDefault())
                                .toEpochSecond(), Math::max);
                    }
                    return 1;
                }).list();
    }

    /** A partner's meters follow its settings: a register it no longer receives, or a deactivated partner, has none. */
    @EventListener
    void partnerChanged(PartnerChanged changed) {
        String partnerId = changed.partnerId();
        Set<String> receives = partners.find(partnerId).filter(Partner::active)
                .map(p -> p.registers().stream().map(Register::name).collect(Collectors.toSet())).orElse(Set.of());
        for (String key : List.copyOf(lastSuccess.keySet())) {
            if (!key.endsWith("|" + partnerId)) {
                continue;
            }
            String register = key.substring(0, key.length() - partnerId.length() - 1);
            if (!receives.contains(register)) {
                for (String name : List.of(LAST_SUCCESS, MISMATCHES, FAILURES)) {
                    registry.find(name).tag("register", register).tag("partner", partnerId).meters().forEach(registry::remove);
                }
                lastSuccess.remove(key);
            }
        }
        receives.forEach(register -> gauge(register, partnerId));
    }

    void succeeded(Register register, String partnerId, Instant at) {
        gauge(register.name(), partnerId).set(at.getEpochSecond());
    }

    void mismatch(Register register, String partnerId) {
        mismatches(register.name(), partnerId).increment();
    }

    void failed(Register register, String partnerId) {
        failures(register.name(), partnerId).increment();
    }

    private Counter failures(String register, String partnerId) {
        return Counter.builder(FAILURES).description("Export jobs that ended FAILED (a mismatch included)")
                .tag("register", register).tag("partner", partnerId).register(registry);
    }

    private Counter mismatches(String register, String partnerId) {
        return Counter.builder(MISMATCHES).description("Reconciliations that did not match (database, file trailer, published events)")
                .tag("register", register).tag("partner", partnerId).register(registry);
    }

    private AtomicLong gauge(String register, String partnerId) {
        return lastSuccess.computeIfAbsent(register + "|" + partnerId, k -> {
            AtomicLong value = new AtomicLong();
            // at 0 from the start: Prometheus' increase() cannot see a counter's first increment
            // when the series only appears with it, and the mismatch alert would stay silent
            mismatches(register, partnerId);
            failures(register, partnerId);
            Gauge.builder(LAST_SUCCESS, value, AtomicLong::get).description("Epoch seconds of the last completed export")
                    .baseUnit("seconds").tag("register", register).tag("partner", partnerId).register(registry);
            return value;
        });
    }
}
