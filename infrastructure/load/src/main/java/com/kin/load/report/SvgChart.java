package com.kin.load.report;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A line chart over the seconds of a run, as inline SVG: one or more series, a linear or logarithmic y axis with
 * labelled ticks, and optional horizontal reference lines (the targets).
 */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 36;

    record Series(String name, String color, ToDoubleFunction<LoadReport.SecondResult> value) {
    }

    record Reference(String name, double value) {
    }

    private SvgChart() {
    }

    static String render(String title, String unit, boolean logarithmic, List<LoadReport.SecondResult> seconds,
                         List<Series> series, List<Reference> references) {
        Axis axis = axis(logarithmic, seconds, series, references);
        int lastSecond = Math.max(1, seconds.size() - 1);
        StringBuilder svg = new StringBuilder(format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH,
                HEIGHT));
        svg.append(format("<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", LEFT,
                HtmlReport.escape(title)));
        svg.append(grid(axis, unit, lastSecond));
        for (Reference reference : references) {
            double y = y(axis, reference.value());
            svg.append(format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\""
                    + " stroke-dasharray=\"4 3\"/><text x=\"%d\" y=\"%.1f\" fill=\"#c00\" text-anchor=\"end\">%s</text>%n",
                    LEFT, WIDTH - RIGHT, y, y, WIDTH - RIGHT, y - 3, HtmlReport.escape(reference.name())));
        }
        int legend = WIDTH - RIGHT - 110 * series.size();
        for (Series line : series) {
            svg.append(polyline(axis, seconds, line, lastSecond, logarithmic));
            svg.append(format("<rect x=\"%d\" y=\"8\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"13\">%s</text>%n", legend, line.color(), legend + 16,
                    HtmlReport.escape(line.name())));
            legend += 110;
        }
        return svg.append("</svg>\n").toString();
    }

    /** A y axis that holds every value and reference line; logarithmic ones start at the decade below the least value. */
    private static Axis axis(boolean logarithmic, List<LoadReport.SecondResult> seconds, List<Series> series,
                             List<Reference> references) {
        double max = 1;
        double min = logarithmic ? 1e9 : 0;
        for (LoadReport.SecondResult second : seconds) {
            for (Series line : series) {
                double value = line.value().applyAsDouble(second);
                max = Math.max(max, value);
                if (value > 0) {
                    min = Math.min(min, value);
                }
            }
        }
        for (Reference reference : references) {
            max = Math.max(max, reference.value());
        }
        return logarithmic ? Axis.log(Math.min(min, 1), max) : Axis.linear(max);
    }

    /** Horizontal lines with labels at the axis's ticks, and the seconds along the bottom (about ten labels). */
    private static String grid(Axis axis, String unit, int lastSecond) {
        StringBuilder svg = new StringBuilder();
        for (double tick : axis.ticks()) {
            double y = y(axis, tick);
            svg.append(format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, WIDTH - RIGHT, y, y, LEFT - 6,
                    y + 4, label(tick) + " " + unit));
        }
        for (int second = 0; second <= lastSecond; second += Math.max(1, lastSecond / 10)) {
            svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ds</text>%n", x(second, lastSecond),
                    HEIGHT - BOTTOM + 16, second));
        }
        return svg.toString();
    }

    private static String polyline(Axis axis, List<LoadReport.SecondResult> seconds, Series line, int lastSecond,
                                   boolean logarithmic) {
        StringBuilder points = new StringBuilder();
        for (LoadReport.SecondResult second : seconds) {
            double value = line.value().applyAsDouble(second);
            if (logarithmic && value <= 0) {
                continue;
            }
            points.append(format("%.1f,%.1f ", x(second.second(), lastSecond), y(axis, value)));
        }
        return format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n", line.color(),
                points.toString().trim());
    }

    private static double x(int second, int lastSecond) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (second / (double) lastSecond);
    }

    private static double y(Axis axis, double value) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - axis.position(value));
    }

    private static String label(double value) {
        return value >= 1 || value == 0 ? format("%.0f", value) : format("%.2g", value);
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }

    /** Where a value sits between the bottom (0) and the top (1) of the plot. */
    private record Axis(boolean log, double low, double high) {

        static Axis linear(double max) {
            double step = niceStep(max / 5);
            return new Axis(false, 0, Math.ceil(max / step) * step);
        }

        static Axis log(double min, double max) {
            return new Axis(true, Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3)))),
                    Math.pow(10, Math.ceil(Math.log10(max))));
        }

        double position(double value) {
            if (log) {
                double clamped = Math.max(low, value);
                return (Math.log10(clamped) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
            }
            return value / high;
        }

        List<Double> ticks() {
            List<Double> ticks = new java.util.ArrayList<>();
            if (log) {
                for (double tick = low; tick <= high * 1.0001; tick *= 10) {
                    ticks.add(tick);
                }
            } else {
                double step = niceStep(high / 5);
                for (double tick = 0; tick <= high * 1.0001; tick += step) {
                    ticks.add(tick);
                }
            }
            return ticks;
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
            double fraction = raw / magnitude;
            return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        }
    }
}
