package com.kin.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The runtime interface client's native library, unpacked once per runtime. Left to itself the client unpacks it to
 * the fixed path /tmp/.libaws-lambda-jni.so at every start: harmless in Lambda, where each environment has its own
 * /tmp, but JVMs starting together here would overwrite the file under each other (truncated library, SIGBUS). The
 * client's own system property points every JVM at this copy instead.
 */
final class NativeClientLibrary {

    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private NativeClientLibrary() {
    }

    static Path unpack(Path clientJar, Path directory) throws IOException {
        String entryName = "jni/libaws-lambda-jni." + platform() + ".so";
        Path library = Files.createDirectories(directory).resolve("libaws-lambda-jni.so");
        try (JarFile jar = new JarFile(clientJar.toFile())) {
            ZipEntry entry = jar.getEntry(entryName);
            if (entry == null) {
                throw new IOException(clientJar + " - has no " + entryName + " for this platform");
            }
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, library);
            }
        }
        return library;
    }

    /** linux-x86_64, linux-aarch_64, or their linux_musl- variants (Alpine), as the client names its builds. */
    private static String platform() throws IOException {
        String arch = System.getProperty("os.arch");
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> throw new IOException("the runtime interface client has no native library for " + arch);
        };
        boolean musl;
        try (var libs = Files.list(Path.of("/lib"))) {
            musl = libs.anyMatch(lib -> lib.getFileName().toString().startsWith("ld-musl-"));
        }
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
