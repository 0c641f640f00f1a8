package com.fniexchange.deploy;

import static com.fniexchange.deploy.YamlTree.castMap;
import static com.fniexchange.deploy.YamlTree.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every alert of deploy/monitoring/alerts.yml has its promtool test in alerts.test.yml (which
 * .ci/run runs with {@code promtool test rules}): one evaluation where it fires with its labels
 * and annotations, and one where it must not, before its {@code for} has passed or on a healthy
 * series beside the failing one. A new alert without a test fails here.
 */
class AlertRuleTestsTest {

    @Test
    void everyAlertFiresInATestAndIsShownQuietInOne() {
        List<String> alerts = alerts().keySet().stream().toList();
        assertThat(alerts).isNotEmpty();
        Map<String, Object> tests = yaml("deploy/monitoring/alerts.test.yml");
        assertThat(list(tests, "rule_files")).containsExactly("alerts.yml");
        for (String alert : alerts) {
            boolean fires = false;
            boolean quiet = false;
            for (Object test : list(tests, "tests")) {
                Map<String, Object> group = castMap(test);
                for (Object check : list(group, "alert_rule_test")) {
                    Map<String, Object> evaluation = castMap(check);
                    if (!alert.equals(evaluation.get("alertname"))) {
                        continue;
                    }
                    List<Object> expected = list(evaluation, "exp_alerts");
                    if (expected.isEmpty()) {
                        quiet = true;
                    } else {
                        fires = true;
                        Map<String, Object> first = castMap(expected.get(0));
                        assertThat(castMap(first.get("exp_labels"))).as("%s's labels", alert).containsKey("severity");
                        assertThat(castMap(first.get("exp_annotations"))).as("%s's annotations", alert).containsKey("summary");
                        // the group beside the failing series has a healthy one the alert must leave alone
                        quiet |= list(group, "input_series").size() > expected.size();
                    }
                }
            }
            assertThat(fires).as("%s fires in a promtool test", alert).isTrue();
            assertThat(quiet).as("%s is shown quiet in a promtool test", alert).isTrue();
        }
    }

    @Test
    void everyAlertLinksToItsRunbookSectionThatSaysWhatItMeansHowToConfirmFixAndSeeItOver() {
        String runbook = Repository.read("deploy/RUNBOOK.md");
        alerts().forEach((alert, rule) -> {
            String anchor = alert.toLowerCase(java.util.Locale.ROOT);
            assertThat(castMap(rule.get("annotations")).get("runbook_url")).as("%s's runbook_url", alert)
                    .isEqualTo("deploy/RUNBOOK.md#" + anchor);
            int at = runbook.indexOf("\n## " + anchor + "\n");
            assertThat(at).as("deploy/RUNBOOK.md has a section %s", anchor).isPositive();
            int next = runbook.indexOf("\n## ", at + 1);
            String section = runbook.substring(at, next < 0 ? runbook.length() : next);
            assertThat(section).as("the %s section", anchor).contains("**Means:**", "**Confirm:**", "**Fix:**", "**Over:**");
        });
    }

    /** The alerts of alerts.yml by name, each its rule. */
    private static Map<String, Map<String, Object>> alerts() {
        Map<String, Map<String, Object>> alerts = new java.util.LinkedHashMap<>();
        for (Object group : list(yaml("deploy/monitoring/alerts.yml"), "groups")) {
            for (Object rule : list(castMap(group), "rules")) {
                if (castMap(rule).get("alert") != null) {
                    alerts.put(String.valueOf(castMap(rule).get("alert")), castMap(rule));
                }
            }
        }
        return alerts;
    }

    private static Map<String, Object> yaml(String file) {
        return castMap(new Yaml().load(Repository.read(file)));
    }

}
