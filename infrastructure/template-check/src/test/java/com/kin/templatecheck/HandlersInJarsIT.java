package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every function's Handler class is inside the jar its CodeUri names. An IT because the jars are built in the
 * functions' package phase: this module comes after them in the reactor, so {@code mvn verify} has built them.
 */
class HandlersInJarsIT {

    private final Path root = ProjectRoot.find();
    private final StackTemplate template = StackTemplate.read(root.resolve("template.yaml"));

    @Test
    void everyHandler_isAClassOfItsCodeUriJar() throws IOException {
        List<String> problems = new ArrayList<>();
        for (StackTemplate.Function function : template.functions()) {
            Path jar = root.resolve(function.codeUri());
            if (!Files.isRegularFile(jar)) {
                problems.add(function.logicalId() + " - " + function.codeUri() + " is missing; build it first with "
                        + "`mvn -B package` (or `mvn -B -pl " + function.moduleDir() + " -am package`)");
                continue;
            }
            String entry = function.handlerClass().replace('.', '/') + ".class";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (zip.getEntry(entry) == null) {
                    problems.add(function.logicalId() + " - Handler " + function.handler() + " is not in " + function.codeUri());
                }
            }
        }
        assertThat(template.functions()).isNotEmpty();
        assertThat(problems).as("functions whose Handler cannot be loaded").isEmpty();
    }
}
