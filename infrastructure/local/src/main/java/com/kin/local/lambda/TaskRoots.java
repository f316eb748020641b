package com.kin.local.lambda;

import com.kin.local.template.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Lambda's {@code /var/task} for each function: the runtime interface client loads the function from
 * {@code <task root>/lib/*.jar} with its own class loader, exactly as in Lambda. A jar CodeUri is copied into a
 * directory per build of the jar, so that rebuilding a function neither disturbs running instances nor goes unseen
 * by the next cold start. A directory CodeUri is its own task root.
 */
final class TaskRoots {

    /** One version of a function's code. */
    record TaskRoot(Path directory, String version) {
    }

    private final Path tasksDirectory;

    TaskRoots(Path tasksDirectory) {
        this.tasksDirectory = tasksDirectory;
    }

    synchronized TaskRoot current(FunctionSpec function) throws IOException {
        Path code = function.codeUri();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(code, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(code.toString(), null,
                    "not built - run: mvn -q -DskipTests package (CodeUri of " + function.logicalId() + ")");
        }
        if (attributes.isDirectory()) {
            return new TaskRoot(code, "directory");
        }
        String version = attributes.lastModifiedTime().toMillis() + "-" + attributes.size();
        Path root = tasksDirectory.resolve(function.logicalId()).resolve(version);
        Path lib = root.resolve("lib");
        Path jar = lib.resolve(code.getFileName());
        if (!Files.exists(jar)) {
            Files.createDirectories(lib);
            Path partial = lib.resolve(code.getFileName() + ".partial");
            Files.copy(code, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
        }
        return new TaskRoot(root, version);
    }

    /** The version {@link #current} would return, without copying anything: a changed jar means stale instances. */
    String currentVersion(FunctionSpec function) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(function.codeUri(), BasicFileAttributes.class);
            return attributes.isDirectory() ? "directory" : attributes.lastModifiedTime().toMillis() + "-" + attributes.size();
        } catch (IOException e) {
            // Mid-rebuild the jar may be missing for a moment: keep serving with the instances already warm.
            return null;
        }
    }
}
