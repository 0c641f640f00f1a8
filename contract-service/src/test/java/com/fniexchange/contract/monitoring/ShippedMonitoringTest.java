package com.fniexchange.contract.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.testsupport.MonitoringRules;
import com.fniexchange.testsupport.SourceTree;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and dashboard in deploy/monitoring are well formed, and every metric they query
 * is one a service test checks against a real scrape (the prefixes below name those checks).
 */
class ShippedMonitoringTest {

    /** Checked against a live scrape by: ContractEventStreamTest, CancellationEndToEndTest, PartnerSchedulesTest. */
    private static final List<String> CHECKED = List.of("fni_outbox_", "fni_events_published", "fni_events_dead_letter",
            "http_server_requests", "hikaricp_", "jvm_", "process_", "kafka_consumer_", "fni_events_consumed",
            "fni_refunds_", "fni_export_", "fni_reconciliation_", "spring_batch_");

    @Test
    void everyQueriedMetricIsCheckedAgainstAScrape() {
        assertThat(MonitoringRules.shipped().metrics()).isNotEmpty()
                .allSatisfy(metric -> assertThat(CHECKED).as(metric).anyMatch(metric::startsWith));
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
