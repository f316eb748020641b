package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every HttpApi route of template.yaml has a sample in events/ whose routeKey is {@code METHOD PATH}; every function
 * URL function has samples in events/&lt;module name&gt;/, each a {@code $default} event, and every literal path its
 * controllers serve ({@code @Post("/voice")}) is the rawPath of one of them.
 */
class EventSamplesTest {

    private static final Pattern LITERAL_ROUTE = Pattern.compile("@(?:Get|Post|Put|Patch|Delete)\\(\\s*\"(/[^\"]*)\"");

    private final Path root = ProjectRoot.find();
    private final StackTemplate template = StackTemplate.read(root.resolve("template.yaml"));
    private final List<EventSamples.Sample> samples = EventSamples.read(root.resolve("events"));

    @Test
    void everyHttpApiRoute_hasASample() {
        List<String> missing = new ArrayList<>();
        for (StackTemplate.Function function : template.functions()) {
            function.routes().stream().map(StackTemplate.Route::routeKey)
                    .filter(key -> samples.stream().noneMatch(sample -> key.equals(sample.routeKey())))
                    .forEach(key -> missing.add(function.logicalId() + " - " + key));
        }
        assertThat(missing).as("routes without a sample in events/").isEmpty();
    }

    @Test
    void everyFunctionUrlFunction_hasSamplesUnderItsPaths() {
        List<String> problems = new ArrayList<>();
        for (StackTemplate.Function function : template.functions()) {
            if (!function.hasFunctionUrl()) {
                continue;
            }
            Path dir = root.resolve("events").resolve(Path.of(function.moduleDir()).getFileName());
            List<EventSamples.Sample> own = samples.stream().filter(sample -> sample.file().startsWith(dir)).toList();
            if (own.isEmpty()) {
                problems.add(function.logicalId() + " - no samples in " + root.relativize(dir));
            }
            own.stream().filter(sample -> !"$default".equals(sample.routeKey()) || sample.rawPath() == null
                            || !sample.rawPath().startsWith("/"))
                    .forEach(sample -> problems.add(root.relativize(sample.file()) + " - not a function URL event"));
            String sources = ConfigKeyScanner.scanText(root.resolve(function.moduleDir()).resolve("src/main/java"));
            Matcher route = LITERAL_ROUTE.matcher(sources);
            while (route.find()) {
                String path = route.group(1);
                if (own.stream().noneMatch(sample -> path.equals(sample.rawPath()))) {
                    problems.add(function.logicalId() + " - no sample with rawPath " + path);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
