package com.kin.templatecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KIN metrics a dashboard's body (the {@code Fn::Sub} text of {@code DashboardBody}) shows per function: its metric
 * rows {@code ["KIN", "<metric>", "function", "${<Function>}", ...]} and its {@code SEARCH('{KIN,...}
 * MetricName="<metric>" (function="${<Function>}" OR ...)')} expressions.
 */
public final class DashboardMetrics {

    /** One metric of one function on the dashboard. */
    public record Shown(String metricName, String function) {
    }

    private static final Pattern ROW = Pattern.compile("\\[\\s*\"KIN\"\\s*,\\s*\"(\\w+)\"\\s*,\\s*\"function\"\\s*,"
            + "\\s*\"\\$\\{(\\w+)}\"");
    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\{KIN[^']*'");
    private static final Pattern SEARCH_METRIC = Pattern.compile("MetricName=\\\\?\"(\\w+)\\\\?\"");
    private static final Pattern SEARCH_FUNCTION = Pattern.compile("function=\\\\?\"\\$\\{(\\w+)}\\\\?\"");

    private DashboardMetrics() {
    }

    public static List<Shown> of(Map<String, Object> dashboardProperties) {
        Object body = dashboardProperties.get("DashboardBody");
        String text = body instanceof Map<?, ?> sub ? String.valueOf(sub.get("Fn::Sub")) : String.valueOf(body);
        List<Shown> shown = new ArrayList<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            shown.add(new Shown(row.group(1), row.group(2)));
        }
        Matcher search = SEARCH.matcher(text);
        while (search.find()) {
            Matcher metric = SEARCH_METRIC.matcher(search.group());
            if (metric.find()) {
                Matcher function = SEARCH_FUNCTION.matcher(search.group());
                while (function.find()) {
                    shown.add(new Shown(metric.group(1), function.group(1)));
                }
            }
        }
        return shown;
    }
}
