package com.kin.local.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Lays out the fixture functions next to the fixture template in both forms a CodeUri may take: the directory the
 * build prepared (classes plus lib/) and a flattened jar, like the shaded function.jar of a function module.
 */
final class FixtureFunction {

    private FixtureFunction() {
    }

    static void layOut(Path prepared, Path directory) throws IOException {
        if (!Files.isDirectory(prepared.resolve("lib"))) {
            throw new IllegalStateException(prepared.toAbsolutePath() + " - missing; run the build through process-test-classes");
        }
        copyTree(prepared, directory.resolve("fixture-function"));
        flatten(prepared, directory.resolve("fixture-function.jar"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void flatten(Path prepared, Path jar) throws IOException {
        Set<String> written = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            try (Stream<Path> classes = Files.walk(prepared)) {
                for (Path path : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = prepared.relativize(path).toString().replace('\\', '/');
                    if (written.add(name)) {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(path, out);
                        out.closeEntry();
                    }
                }
            }
            try (Stream<Path> libs = Files.list(prepared.resolve("lib"))) {
                for (Path lib : libs.sorted().toList()) {
                    copyEntries(lib, out, written);
                }
            }
        }
    }

    private static void copyEntries(Path lib, JarOutputStream out, Set<String> written) throws IOException {
        try (InputStream file = Files.newInputStream(lib); JarInputStream in = new JarInputStream(file)) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                String name = entry.getName();
                boolean signature = name.startsWith("META-INF/") && List.of(".SF", ".RSA", ".DSA").stream().anyMatch(name::endsWith);
                if (!entry.isDirectory() && !signature && written.add(name)) {
                    out.putNextEntry(new JarEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }
}
