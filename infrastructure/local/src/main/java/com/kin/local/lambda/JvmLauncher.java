package com.kin.local.lambda;

import com.kin.local.lambda.watchdog.WatchdogJar;
import com.kin.local.template.FunctionSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Starts one function JVM the way Lambda's java21 runtime does: AWS's runtime interface client as the main class on
 * the system class path, the handler string of the template as its argument, the function's code in the task root,
 * and Lambda's JVM defaults (C1 only, serial GC, 85% of the memory size as heap; see {@link #lambdaJvmFlags}).
 */
public final class JvmLauncher {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final double HEAP_SHARE_OF_MEMORY = 0.85;
    private static final int KIB_PER_MIB = 1024;

    private final Path javaBinary;
    private final Path runtimeDirectory;
    private final String runtimeClasspath;
    private final Path watchdogJar;
    private final Path nativeClientLibrary;
    private final Path temporaryDirectories;

    private JvmLauncher(Path java, Path runtimeDirectory, Path workDirectory) throws IOException {
        this.javaBinary = java;
        this.runtimeDirectory = runtimeDirectory;
        this.runtimeClasspath = classpathOf(runtimeDirectory);
        this.watchdogJar = WatchdogJar.write(workDirectory);
        this.nativeClientLibrary = NativeClientLibrary.unpack(clientJar(runtimeDirectory), workDirectory.resolve("jni"));
        this.temporaryDirectories = workDirectory.resolve("tmp");
    }

    /** A launcher with this JVM's java binary and the runtime jars the Maven build copied (see build.properties). */
    public static JvmLauncher create(Path workDirectory) throws IOException {
        return new JvmLauncher(Path.of(System.getProperty("java.home"), "bin", "java"), lambdaRuntimeDirectory(), workDirectory);
    }

    /**
     * The flags of the java17/java21 runtimes' bootstrap, as their command lines show them (published {@code ps} output
     * of live functions: at 512 MB {@code -XX:MaxHeapSize=445645k}, i.e. 85% of the memory size counted in KiB). Two
     * differences: Lambda runs {@code -Xshare:on} with its own class data archive ({@code runtime.jsa}), here the JDK's
     * default archive serves, if any; and its Log4j hot-patch agent is left out. The java8 (Amazon Linux 1) runtime
     * also capped {@code -XX:MaxMetaspaceSize} (10% of the memory) and {@code -XX:ReservedCodeCacheSize} (5%); the
     * command lines of the java11+ runtimes carry neither, so neither is set here (no AWS document states the sizes).
     */
    static List<String> lambdaJvmFlags(int memoryMb) {
        return List.of("-XX:MaxHeapSize=" + Math.round(memoryMb * KIB_PER_MIB * HEAP_SHARE_OF_MEMORY) + "k",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr");
    }

    /** Starts an instance; {@code instanceId} names its own temporary directory, as each Lambda environment has its /tmp. */
    Process start(FunctionSpec function, Map<String, String> environment, String runtimeApi, Path taskRoot,
                  String instanceId) throws IOException {
        Path tmp = Files.createDirectories(temporaryDirectories.resolve(instanceId));
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(lambdaJvmFlags(function.memoryMb()));
        command.add("-javaagent:" + watchdogJar);
        command.add("-D" + NativeClientLibrary.PROPERTY + "=" + nativeClientLibrary);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(List.of("-cp", runtimeClasspath, RIC_MAIN, function.handler()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        Map<String, String> processEnvironment = builder.environment();
        String path = processEnvironment.get("PATH");
        // Lambda's environment is not the developer's shell: no stray AWS credentials or JAVA_* options leak in.
        processEnvironment.clear();
        processEnvironment.put("PATH", path == null ? "/usr/bin:/bin" : path);
        processEnvironment.putAll(environment);
        processEnvironment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        processEnvironment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        processEnvironment.put("LAMBDA_RUNTIME_DIR", runtimeDirectory.toString());
        processEnvironment.put("TMPDIR", tmp.toString());
        return builder.start();
    }

    private static Path lambdaRuntimeDirectory() throws IOException {
        Properties build = new Properties();
        try (InputStream in = JvmLauncher.class.getResourceAsStream("/com/kin/local/build.properties")) {
            if (in == null) {
                throw new IOException("com/kin/local/build.properties - missing; build kin-local with Maven");
            }
            build.load(in);
        }
        Path directory = Path.of(build.getProperty("lambdaRuntimeDir"));
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + " - the Lambda runtime jars are missing; run: mvn -pl infrastructure/local package");
        }
        return directory;
    }

    private static Path clientJar(Path directory) throws IOException {
        try (Stream<Path> jars = Files.list(directory)) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new IOException(directory + " - holds no runtime interface client jar"));
        }
    }

    private static String classpathOf(Path directory) {
        try (Stream<Path> jars = Files.list(directory)) {
            List<String> entries = jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
            if (entries.stream().noneMatch(entry -> entry.contains("runtime-interface-client"))) {
                throw new IllegalStateException(directory + " - holds no aws-lambda-java-runtime-interface-client jar");
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(directory + " - cannot be listed", e);
        }
    }
}
