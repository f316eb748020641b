package com.kin.templatecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a module's sources bind, found by pattern over {@code src/main/java}:
 * <ul>
 *   <li>{@code @Value("${x.y}")} - required; {@code @Value("${x.y:default}")} - optional;</li>
 *   <li>each component of a record annotated {@code @ConfigurationProperties("x")} is key {@code x.<component in
 *       kebab case>}; required unless it is {@code @Nullable}, has {@code @Bindable(defaultValue = ...)} or is an
 *       {@code Optional}.</li>
 * </ul>
 * Micronaut binds environment variable {@code X_Y_Z} to property {@code x.y-z}, so a key's variable is its upper case
 * with dots and dashes as underscores.
 */
public final class ConfigKeyScanner {

    private static final Pattern VALUE = Pattern.compile("@Value\\(\\s*\"\\$\\{([A-Za-z0-9.\\-]+)(:[^}]*)?}\"\\s*\\)");
    private static final Pattern PROPERTIES_RECORD = Pattern.compile(
            "@ConfigurationProperties\\(\\s*\"([^\"]+)\"\\s*\\)[^;{]*?\\brecord\\s+\\w+\\s*\\(");
    private static final Pattern KEBAB_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    /** One bound key: the Micronaut property, its environment variable, and whether it has no fallback. */
    public record ConfigKey(String property, String variable, boolean required) {
        static ConfigKey of(String property, boolean required) {
            return new ConfigKey(property, variableOf(property), required);
        }
    }

    private ConfigKeyScanner() {
    }

    public static String variableOf(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static List<ConfigKey> scan(Path sourceRoot) {
        List<ConfigKey> keys = new ArrayList<>();
        for (Path file : javaFiles(sourceRoot)) {
            keys.addAll(keysIn(read(file)));
        }
        return List.copyOf(keys);
    }

    /** All sources under {@code sourceRoot}, one text, for checks that look for a literal. */
    public static String scanText(Path sourceRoot) {
        StringBuilder text = new StringBuilder();
        javaFiles(sourceRoot).forEach(file -> text.append(read(file)).append('\n'));
        return text.toString();
    }

    /** Each source file under {@code sourceRoot}, one text per file, for checks that look within a file. */
    public static List<String> sourceTexts(Path sourceRoot) {
        return javaFiles(sourceRoot).stream().map(ConfigKeyScanner::read).toList();
    }

    /** The keys bound in one source text. */
    public static List<ConfigKey> keysIn(String source) {
        List<ConfigKey> keys = new ArrayList<>();
        Matcher value = VALUE.matcher(source);
        while (value.find()) {
            keys.add(ConfigKey.of(value.group(1), value.group(2) == null));
        }
        Matcher record = PROPERTIES_RECORD.matcher(source);
        while (record.find()) {
            String prefix = record.group(1);
            for (String component : topLevelParts(source, record.end())) {
                keys.add(ConfigKey.of(prefix + "." + kebab(lastIdentifier(component)), isRequired(component)));
            }
        }
        return keys;
    }

    private static boolean isRequired(String component) {
        return !component.contains("@Nullable") && !component.contains("defaultValue")
                && !component.matches("(?s).*\\bOptional(Int|Long|Double)?\\b.*");
    }

    /** The comma-separated parts from {@code start} to the closing parenthesis, commas in strings or calls kept. */
    static List<String> topLevelParts(String text, int start) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                inString = !(c == '"' && text.charAt(i - 1) != '\\');
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '<') {
                depth++;
            } else if ((c == ')' || c == '>') && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                addIfPresent(parts, part);
                if (c == ')') {
                    return parts;
                }
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        throw new IllegalArgumentException("unbalanced record header at offset " + start);
    }

    private static void addIfPresent(List<String> parts, StringBuilder part) {
        if (!part.toString().isBlank()) {
            parts.add(part.toString().trim());
        }
    }

    private static String lastIdentifier(String component) {
        String[] words = component.trim().split("[^A-Za-z0-9_]+");
        return words[words.length - 1];
    }

    private static String kebab(String camel) {
        return KEBAB_BOUNDARY.matcher(camel).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("template-check - cannot list " + root, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("template-check - cannot read " + file, e);
        }
    }
}
