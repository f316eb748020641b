package com.kin.load.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the report as JSON and as the HTML page, creating their directories. */
public final class ReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    public static void write(LoadReport report, Path json, Path html) throws IOException {
        createParent(json);
        JSON.writeValue(json.toFile(), report);
        createParent(html);
        Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
    }

    public static LoadReport read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), LoadReport.class);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
