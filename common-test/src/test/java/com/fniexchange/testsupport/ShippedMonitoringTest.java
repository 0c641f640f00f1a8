package com.fniexchange.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and dashboards in deploy/monitoring are well formed, and every metric they query
 * is one some service's real scrape is held to: contract-service's ContractEventStreamTest,
 * cancellation-service's CancellationEndToEndTest and batch-export-service's PartnerSchedulesTest
 * each compare their own {@code /actuator/prometheus} with {@link MonitoringRules#missingFromScrapeOf}.
 * Here, with the rules for the whole repository, is what the rules ask of a scrape.
 */
class ShippedMonitoringTest {

    @Test
    void everyQueriedMetricIsHeldToSomeServicesRealScrape() {
        MonitoringRules rules = MonitoringRules.shipped();
        assertThat(rules.metrics()).hasSizeGreaterThan(10);
        assertThat(rules.notScrapedByAnyService()).as("queried, but no service's scrape is checked for it").isEmpty();
    }

    /** The map says who is held to what; this says each service's tests really compare a scrape with it. */
    @Test
    void everyServiceHeldToAFamilyComparesItsScrapeInItsOwnTests() throws Exception {
        Set<String> comparing = new TreeSet<>();
        Pattern call = Pattern.compile("missingFromScrapeOf\\(\"([a-z-]+)\"");
        for (String service : MonitoringRules.FAMILIES_BY_SERVICE.keySet()) {
            Path tests = SourceTree.root().resolve(service).resolve("src/test/java");
            try (Stream<Path> files = Files.walk(tests)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = call.matcher(Files.readString(file));
                    while (m.find()) {
                        if (m.group(1).equals(service)) {
                            comparing.add(service);
                        }
                    }
                }
            }
        }
        assertThat(comparing).as("services whose tests compare their own scrape")
                .containsExactlyInAnyOrderElementsOf(MonitoringRules.FAMILIES_BY_SERVICE.keySet());
    }

    @Test
    void aScrapeWithoutAQueriedMetricOrLabelIsReported() {
        MonitoringRules rules = MonitoringRules.shipped();
        String metric = rules.metrics().stream().filter(m -> m.startsWith("fni_refunds_")).findFirst().orElseThrow();
        assertThat(rules.missingFromScrapeOf("cancellation-service", "")).contains(metric);
        // the metric without the labels the alerts select on (status, uri): each label is named
        assertThat(rules.missingFromScrapeOf("contract-service", "http_server_requests_seconds_count 1.0\n"))
                .contains("http_server_requests_seconds_count{status}", "http_server_requests_seconds_count{uri}")
                .doesNotContain("http_server_requests_seconds_count");
        assertThatThrownBy(() -> rules.missingFromScrapeOf("nobody-service", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityAndASummary() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(SourceTree.root().resolve("deploy/monitoring/alerts.yml")));
        List<Map<String, Object>> rules = ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
        assertThat(rules).hasSizeGreaterThan(10).allSatisfy(rule -> {
            assertThat(rule.get("alert")).asString().startsWith("Fni");
            assertThat(rule.get("expr")).asString().isNotBlank();
            assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
            assertThat(((Map<String, Object>) rule.get("annotations")).get("summary")).asString().isNotBlank();
        });
        assertThat(rules).extracting(r -> r.get("alert")).doesNotHaveDuplicates();
    }

    @Test
    void everyDashboardPanelHasAQuery() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(SourceTree.root().resolve("deploy/monitoring/grafana/fni-exchange.json").toFile());
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(p -> {
            if (!"row".equals(p.get("type").asText())) {
                panels.add(p);
            }
        });
        assertThat(panels).hasSizeGreaterThan(10).allSatisfy(panel -> {
            assertThat(panel.get("title").asText()).isNotBlank();
            assertThat(panel.get("targets")).isNotEmpty().allSatisfy(t -> assertThat(t.get("expr").asText()).isNotBlank());
        });
    }
}
