package com.fniexchange.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metrics the shipped alert rules and dashboards ({@code deploy/monitoring}) query, checked
 * against a service's real {@code /actuator/prometheus} scrape: a renamed meter or tag otherwise
 * leaves an alert that can never fire, the silent failure monitoring exists to prevent.
 */
public final class MonitoringRules {

    /**
     * The metric families each service's real scrape, in its own tests, must show
     * ({@link #missingFromScrapeOf}). A family the rules query that no service here is held to is
     * reported by {@link #notScrapedByAnyService()}: add it with the service that makes it.
     */
    static final Map<String, List<String>> FAMILIES_BY_SERVICE = Map.of(
            "contract-service", List.of("fni_outbox_", "fni_events_published", "fni_events_dead_letter", "fni_contract_claims_on_voided",
                    "http_server_requests", "hikaricp_", "jvm_", "process_", "kafka_consumer_"),
            "cancellation-service", List.of("fni_events_consumed", "fni_refunds_"),
            "batch-export-service", List.of("fni_export_", "fni_reconciliation_", "spring_batch_"));

    /** A metric name as the rules write it, with the labels they select on ({@code name{label=...}}). */
    private static final Pattern SELECTOR = Pattern.compile(
            "\\b((?:fni|http_server|hikaricp|kafka_consumer|spring_batch|jvm|process)_[a-z0-9_]+)(\\{([^}]*)})?");
    private static final Pattern LABEL = Pattern.compile("([a-z_][a-z0-9_]*)\\s*(?:=~|!~|!=|=)");

    private final Map<String, Set<String>> labelsByMetric;

    private MonitoringRules(Map<String, Set<String>> labelsByMetric) {
        this.labelsByMetric = labelsByMetric;
    }

    /** Reads {@code deploy/monitoring/alerts.yml} and every dashboard under {@code deploy/monitoring/grafana}. */
    public static MonitoringRules shipped() {
        Path dir = SourceTree.root().resolve("deploy/monitoring");
        List<Path> files = new ArrayList<>(List.of(dir.resolve("alerts.yml")));
        try (Stream<Path> dashboards = Files.list(dir.resolve("grafana"))) {
            dashboards.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> labels = new TreeMap<>();
        for (Path file : files) {
            Matcher m = SELECTOR.matcher(read(file));
            while (m.find()) {
                Set<String> selected = labels.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    while (l.find()) {
                        selected.add(l.group(1));
                    }
                }
            }
        }
        return new MonitoringRules(labels);
    }

    /** Every metric the rules and dashboards query. */
    public Set<String> metrics() {
        return labelsByMetric.keySet();
    }

    /**
     * What the rules query under one of these name prefixes and the scrape lacks: a missing metric
     * as its name, a missing label as {@code name{label}}. Empty when every query can match.
     */
    public List<String> missingFrom(String scrape, String... prefixes) {
        List<String> missing = new ArrayList<>();
        labelsByMetric.forEach((metric, labels) -> {
            if (Stream.of(prefixes).noneMatch(metric::startsWith)) {
                return;
            }
            List<String> samples = scrape.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                    .toList();
            if (samples.isEmpty()) {
                missing.add(metric);
                return;
            }
            for (String label : labels) {
                if (samples.stream().noneMatch(s -> s.contains(label + "=\""))) {
                    missing.add(metric + "{" + label + "}");
                }
            }
        });
        return missing;
    }

    /**
     * What the rules query among the families {@code application} is held to ({@link #FAMILIES_BY_SERVICE})
     * and its real scrape lacks, as {@link #missingFrom}. Empty when every such query can match.
     */
    public List<String> missingFromScrapeOf(String application, String scrape) {
        List<String> families = FAMILIES_BY_SERVICE.get(application);
        if (families == null) {
            throw new IllegalArgumentException(application + " is held to no metric family of the shipped rules");
        }
        return missingFrom(scrape, families.toArray(String[]::new));
    }

    /** The metrics the rules query that no service's scrape is held to: an alert nobody proves can fire. */
    public List<String> notScrapedByAnyService() {
        return metrics().stream().filter(metric -> FAMILIES_BY_SERVICE.values().stream().flatMap(List::stream)
                .noneMatch(metric::startsWith)).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
