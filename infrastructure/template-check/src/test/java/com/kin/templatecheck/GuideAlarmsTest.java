package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The performance guide's operations, in template.yaml: logs kept 14 days ({@code LOG_FILE_MAX_FILES=14d}) for every
 * function, and its alerting thresholds - for every API function (HTTP API routes or a function URL) p95 latency over
 * 1 second and a 5xx rate over 5 %, for every function whose code reads through the cache a hit rate under 70 %, and
 * RDS Proxy connections over 80 % of the maximum - each notifying AlarmTopic.
 */
class GuideAlarmsTest {

    private static final Map<String, Object> ALARM_TOPIC = Map.of("Ref", "AlarmTopic");

    private final Path root = ProjectRoot.find();
    private final StackTemplate template = StackTemplate.read(root.resolve("template.yaml"));
    private final ModuleGraph modules = ModuleGraph.read(root);
    private final List<Template.Resource> alarms = template.resources(StackTemplate.ALARM);

    @Test
    void everyFunction_hasALogGroupKeptFourteenDays() {
        List<String> missing = new ArrayList<>();
        for (StackTemplate.Function function : template.functions()) {
            Map<String, Object> expectedName = Map.of("Fn::Sub", "/aws/lambda/${" + function.logicalId() + "}");
            boolean kept = template.resources("AWS::Logs::LogGroup").stream().map(Template.Resource::properties)
                    .anyMatch(group -> expectedName.equals(group.get("LogGroupName"))
                            && Integer.valueOf(14).equals(group.get("RetentionInDays")));
            if (!kept) {
                missing.add(function.logicalId());
            }
        }
        assertThat(missing).as("functions without /aws/lambda/<name> kept 14 days").isEmpty();
    }

    @Test
    void everyApiFunction_alarmsOnP95LatencyOverOneSecond() {
        List<String> missing = apiFunctions().stream().filter(function -> alarms.stream().noneMatch(alarm ->
                watchesOnly(alarm, function, "RequestLatency")
                        && "p95".equals(alarm.properties().get("ExtendedStatistic"))
                        && threshold(alarm, 1000, "GreaterThanThreshold")))
                .toList();
        assertThat(missing).as("API functions without a p95 RequestLatency > 1000 ms alarm").isEmpty();
    }

    @Test
    void everyApiFunction_alarmsOnAFiveXxRateOverFivePercent() {
        List<String> missing = apiFunctions().stream().filter(function -> alarms.stream().noneMatch(alarm ->
                watchesExactly(alarm, function, Set.of("Request5xx", "RequestCount"))
                        && expression(alarm, text -> text.contains("100 * errors / requests"))
                        && threshold(alarm, 5, "GreaterThanThreshold")))
                .toList();
        assertThat(missing).as("API functions without a 5xx rate > 5 % alarm").isEmpty();
    }

    @Test
    void everyFunctionReadingTheCache_alarmsOnAHitRateUnderSeventyPercent() {
        List<String> readers = template.functions().stream()
                .filter(function -> EmittedMetrics.forFunction(root, modules, function.moduleDir()).names()
                        .contains("CacheHit"))
                .map(StackTemplate.Function::logicalId).toList();
        List<String> missing = readers.stream().filter(function -> alarms.stream().noneMatch(alarm ->
                watchesExactly(alarm, function, Set.of("CacheHit", "CacheMiss"))
                        && expression(alarm, text -> text.contains("100 * hits / (hits + misses)"))
                        && threshold(alarm, 70, "LessThanThreshold")))
                .toList();

        assertThat(readers).as("functions that read through the cache").contains("ContactsFunction", "SearchFunction")
                .doesNotContain("BulkSmsWorkerFunction", "HealthFunction");
        assertThat(missing).as("cache readers without a hit rate < 70 % alarm").isEmpty();
    }

    @Test
    void rdsProxy_alarmsOnClientConnectionsOverEightyPercentOfTheMaximum() {
        assertThat(alarms).as("an alarm on DbProxy's ClientConnections as a share of DbProxyMaxConnections")
                .anySatisfy(alarm -> {
                    assertThat(AlarmMetrics.of(alarm.logicalId(), alarm.properties()))
                            .singleElement().satisfies(metric -> {
                                assertThat(metric.namespace()).isEqualTo("AWS/RDS");
                                assertThat(metric.metricName()).isEqualTo("ClientConnections");
                                assertThat(metric.dimensionNames()).containsExactly("ProxyName");
                            });
                    assertThat(expression(alarm, text -> text.contains("100 * connections / ${DbProxyMaxConnections}")))
                            .isTrue();
                    assertThat(threshold(alarm, 80, "GreaterThanThreshold")).isTrue();
                });
    }

    @Test
    void everyAlarm_notifiesTheAlarmTopic() {
        assertThat(alarms).isNotEmpty().allSatisfy(alarm -> assertThat(alarm.properties().get("AlarmActions"))
                .as(alarm.logicalId()).isEqualTo(List.of(ALARM_TOPIC)));
    }

    private List<String> apiFunctions() {
        List<String> api = template.functions().stream()
                .filter(function -> !function.routes().isEmpty() || function.hasFunctionUrl())
                .map(StackTemplate.Function::logicalId).toList();
        assertThat(api).as("API functions").contains("ContactsFunction", "MetricsFunction", "TwilioVoiceFunction")
                .doesNotContain("BulkSmsWorkerFunction", "MigrateFunction");
        return api;
    }

    private static boolean watchesOnly(Template.Resource alarm, String function, String metric) {
        return watchesExactly(alarm, function, Set.of(metric));
    }

    /** The alarm's KIN metrics are exactly {@code metrics}, each of {@code function}. */
    private static boolean watchesExactly(Template.Resource alarm, String function, Set<String> metrics) {
        List<AlarmMetrics.Watched> watched = AlarmMetrics.of(alarm.logicalId(), alarm.properties());
        return !watched.isEmpty() && watched.stream().allMatch(metric -> "KIN".equals(metric.namespace())
                && function.equals(metric.function()))
                && watched.stream().map(AlarmMetrics.Watched::metricName).collect(java.util.stream.Collectors.toSet())
                        .equals(metrics);
    }

    private static boolean threshold(Template.Resource alarm, double threshold, String comparison) {
        return alarm.properties().get("Threshold") instanceof Number value && value.doubleValue() == threshold
                && comparison.equals(alarm.properties().get("ComparisonOperator"));
    }

    /** Whether a metric-math expression of the alarm (plain text or a Fn::Sub) satisfies {@code test}. */
    private static boolean expression(Template.Resource alarm, Predicate<String> test) {
        if (!(alarm.properties().get("Metrics") instanceof List<?> metrics)) {
            return false;
        }
        return metrics.stream().filter(query -> query instanceof Map<?, ?>)
                .map(query -> ((Map<?, ?>) query).get("Expression"))
                .map(value -> value instanceof Map<?, ?> sub ? String.valueOf(sub.get("Fn::Sub")) : String.valueOf(value))
                .anyMatch(test);
    }
}
