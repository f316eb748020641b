package com.kin.load.report;

import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: latency per second (p50 and p99, logarithmic, with the team's p95 and p99
 * limits drawn in), throughput per second (answers and errors), the targets and the routes. No script, no external file.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>kin load %s</title><style>body{font-family:sans-serif;margin:24px}"
            + "table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "td:first-child,th:first-child,td.l{text-align:left}.no{color:#c00;font-weight:bold}.yes{color:#070}"
            + "</style></head><body>%n";

    public static String render(LoadReport report) {
        LoadReport.Run run = report.run();
        return format(HEAD, escape(run.startedAt()))
                + format("<h1>kin load, %s</h1>%n<p>%d users x %s for %s (warm-up %s not counted), %d connections at"
                + " most, seed %d, %s. %s. Machine: %d cores, load average %.2f before, %.2f after; %s.</p>%n",
                escape(run.startedAt()), run.users(), escape(run.ratePerUser()), escape(run.duration()),
                escape(run.warmUp()), run.connections(), run.randomSeed(), escape(run.api()), escape(run.method()),
                run.machine().cores(), run.machine().loadAverageBefore(), run.machine().loadAverageAfter(),
                escape(run.machine().java()))
                + charts(report.timeline()) + targets(report) + memory(report) + routes(report)
                + "<pre>" + escape(ConsoleReport.render(report)) + "</pre>\n</body></html>\n";
    }

    private static String charts(List<LoadReport.SecondResult> timeline) {
        return SvgChart.render("Latency per second (by intended start), ms, log scale", "ms", true, timeline,
                List.of(new SvgChart.Series("p50", "#1f77b4", LoadReport.SecondResult::p50),
                        new SvgChart.Series("p99", "#ff7f0e", LoadReport.SecondResult::p99)),
                List.of(new SvgChart.Reference("50 ms (our p95)", 50), new SvgChart.Reference("150 ms (our p99)", 150)))
                + SvgChart.render("Throughput per second", "/s", false, timeline,
                List.of(new SvgChart.Series("answered", "#2ca02c", LoadReport.SecondResult::completed),
                        new SvgChart.Series("scheduled", "#999999", LoadReport.SecondResult::started),
                        new SvgChart.Series("errors", "#d62728", LoadReport.SecondResult::errors)),
                List.of());
    }

    private static String targets(LoadReport report) {
        StringBuilder html = new StringBuilder("<h2>Targets</h2>\n<table><tr><th>source</th><th>target</th>"
                + "<th>threshold</th><th>met</th><th>measured</th></tr>\n");
        for (LoadReport.TargetResult target : report.targets()) {
            html.append(format("<tr><td>%s</td><td class=\"l\">%s</td><td class=\"l\">%s</td><td class=\"%s\">%s</td>"
                    + "<td class=\"l\">%s</td></tr>%n", escape(target.source()), escape(target.target()),
                    escape(target.threshold()), target.met() ? "yes" : "no", target.met() ? "yes" : "NO",
                    escape(target.measured())));
        }
        return html.append("</table>\n").toString();
    }

    private static String memory(LoadReport report) {
        StringBuilder html = new StringBuilder("<h2>Memory</h2>\n<table><tr><th>function</th><th>instances</th>"
                + "<th>peak RSS MB</th><th>MemorySize MB</th></tr>\n");
        for (FunctionMemory memory : report.memory()) {
            html.append(format("<tr><td>%s</td><td>%d</td><td class=\"%s\">%d</td><td>%d</td></tr>%n",
                    escape(memory.function()), memory.instances(), memory.fits() ? "yes" : "no", memory.peakRssMb(),
                    memory.memorySizeMb()));
        }
        return html.append("</table>\n").toString();
    }

    private static String routes(LoadReport report) {
        StringBuilder html = new StringBuilder("<h2>Routes</h2>\n<table><tr><th>route</th><th>requests</th>"
                + "<th>errors</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>cache hit</th>"
                + "<th>statuses</th></tr>\n");
        for (LoadReport.RouteResult route : report.routes()) {
            html.append(format("<tr><td>%s</td><td>%d</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                    + "<td>%.1f</td><td>%s</td><td class=\"l\">%s</td></tr>%n", escape(route.route()), route.requests(),
                    route.errors(), route.latency().p50(), route.latency().p95(), route.latency().p99(),
                    route.latency().max(), route.cache().hitRate() == null ? "-" : Targets.percent(route.cache().hitRate()),
                    escape(route.statuses().toString())));
        }
        return html.append("</table>\n").toString();
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
