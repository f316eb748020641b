package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every alarm and dashboard row on namespace KIN watches a metric, with dimensions, that the main code of its own
 * function records ({@link EmittedMetrics}): a metric only declared, or recorded only by another function, would leave
 * an alarm that can never fire.
 */
class AlarmMetricsTest {

    private final Path root = ProjectRoot.find();
    private final StackTemplate template = StackTemplate.read(root.resolve("template.yaml"));
    private final ModuleGraph modules = ModuleGraph.read(root);
    private final Map<String, EmittedMetrics> byFunction = new HashMap<>();

    @Test
    void everyKinAlarm_watchesAMetricItsFunctionRecords() {
        List<AlarmMetrics.Watched> watched = kinMetricsOfAlarms();
        List<String> problems = new ArrayList<>();
        for (AlarmMetrics.Watched metric : watched) {
            if (metric.function() == null) {
                problems.add(metric.alarm() + " - " + metric.metricName() + " names no function (!Ref) dimension");
                continue;
            }
            EmittedMetrics emitted = emittedBy(metric.function());
            if (!emitted.names().contains(metric.metricName())) {
                problems.add(metric.alarm() + " - " + metric.function() + " does not record " + metric.metricName());
            }
            metric.dimensionNames().stream().filter(name -> !emitted.dimensions().contains(name))
                    .forEach(name -> problems.add(metric.alarm() + " - dimension " + name + " is not recorded"));
        }

        assertThat(watched).as("alarms on namespace KIN").isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKinDashboardMetric_isRecordedByItsFunction() {
        List<DashboardMetrics.Shown> shown = new ArrayList<>();
        template.resources("AWS::CloudWatch::Dashboard").forEach(dashboard ->
                shown.addAll(DashboardMetrics.of(dashboard.properties())));

        assertThat(shown).as("KIN metrics on the dashboard").hasSizeGreaterThan(20);
        assertThat(shown).filteredOn(metric -> !emittedBy(metric.function()).names().contains(metric.metricName()))
                .as("dashboard metrics their function does not record").isEmpty();
    }

    @Test
    void everyDeclaredMetricName_isRecordedByMainCode() {
        assertThat(EmittedMetrics.recordedAnywhere(root, modules))
                .containsAll(EmittedMetrics.declared(root));
    }

    @Test
    void perFunction_onlyWhatItsCodeCauses() {
        EmittedMetrics contacts = EmittedMetrics.forFunction(root, modules, "functions/contacts");
        EmittedMetrics worker = EmittedMetrics.forFunction(root, modules, "functions/bulk-sms-worker");
        EmittedMetrics health = EmittedMetrics.forFunction(root, modules, "functions/health");

        assertThat(contacts.names()).contains("RequestLatency", "Request5xx", "RequestCount", "CacheHit", "CacheMiss",
                "ColdStart", "DbPoolActive", "DbQueryTime");
        assertThat(contacts.dimensions()).contains("function", "route", "tier", "kind", "query");
        assertThat(worker.names()).contains("ColdStart", "DbQueryTime", "TwilioLatency", "BulkSmsRecipients",
                "CacheError").doesNotContain("CacheHit", "CacheMiss", "RequestCount");
        assertThat(health.names()).contains("RequestCount", "DbQueryTime").doesNotContain("CacheHit", "CacheMiss");
    }

    @Test
    void recorded_resolvesLiteralsMetricNamesAndModuleConstants() {
        EmittedMetrics.Constants constants = new EmittedMetrics.Constants(Map.of("TWILIO_ERROR", "TwilioError"),
                Map.of());
        String code = """
                static final String SENT = "BulkSmsRecipients";
                static final String ERRORS = MetricNames.TWILIO_ERROR;
                void a() { metrics.count(SENT, 1, Map.of()); recorder.millis("CacheLatency", 2, Map.of()); }
                void b() { metrics.count(ERRORS, 1, Map.of()); figures.count(MetricNames.TWILIO_ERROR, x, SUM); }
                """;

        assertThat(EmittedMetrics.recorded(code, constants))
                .containsExactlyInAnyOrder("BulkSmsRecipients", "CacheLatency", "TwilioError");
    }

    @Test
    void metricMathAlarm_listsEachMetricStat_withItsFunction() {
        Map<String, Object> properties = Map.of("Metrics", List.of(
                Map.of("Id", "hits", "MetricStat", Map.of("Metric", Map.of("Namespace", "KIN", "MetricName", "CacheHit",
                        "Dimensions", List.of(Map.of("Name", "function", "Value", Map.of("Ref", "ContactsFunction")))))),
                Map.of("Id", "rate", "Expression", "hits / 2")));

        assertThat(AlarmMetrics.of("A", properties)).containsExactly(
                new AlarmMetrics.Watched("A", "KIN", "CacheHit", List.of("function"), "ContactsFunction"));
    }

    private EmittedMetrics emittedBy(String functionLogicalId) {
        return byFunction.computeIfAbsent(functionLogicalId, id -> EmittedMetrics.forFunction(root, modules,
                template.functions().stream().filter(function -> function.logicalId().equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError(id + " is not a function of template.yaml")).moduleDir()));
    }

    private List<AlarmMetrics.Watched> kinMetricsOfAlarms() {
        List<AlarmMetrics.Watched> watched = new ArrayList<>();
        template.resources(StackTemplate.ALARM).forEach(alarm -> AlarmMetrics.of(alarm.logicalId(), alarm.properties())
                .stream().filter(metric -> "KIN".equals(metric.namespace())).forEach(watched::add));
        return watched;
    }
}
