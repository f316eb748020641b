package com.kin.templatecheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the checks read: the nearest directory, from the working directory up, holding template.yaml and pom.xml. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template-check - no template.yaml with a pom.xml beside it above " + start);
    }
}
