package com.kin.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.load.report.FunctionMemory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function JVMs found in a /proc laid out as Linux does, by the variables Lambda sets in each environment. */
class FunctionProcessesTest {

    @TempDir
    Path proc;

    @Test
    void functionJvms_areGroupedByFunction_withTheHighestPeakAndTheirMemorySize() throws Exception {
        process("101", "contacts", "1024", 310_000);
        process("102", "contacts", "1024", 402_000);
        process("103", "search", "512", 200_000);
        Files.createDirectories(proc.resolve("104"));
        Files.write(proc.resolve("104/environ"), "PATH=/usr/bin\0HOME=/root\0".getBytes(StandardCharsets.UTF_8));
        Files.writeString(proc.resolve("104/status"), "Name:\tbash\nVmHWM:\t  9000 kB\n");
        Files.createDirectories(proc.resolve("self"));

        assertThat(new FunctionProcesses(proc).memory()).containsExactly(
                new FunctionMemory("contacts", 2, 392, 1024), new FunctionMemory("search", 1, 195, 512));
    }

    @Test
    void noProcDirectory_measuresNothing() {
        assertThat(new FunctionProcesses(proc.resolve("missing")).memory()).isEmpty();
    }

    private void process(String pid, String function, String memorySize, long peakKb) throws Exception {
        Path directory = Files.createDirectories(proc.resolve(pid));
        String environ = "AWS_LAMBDA_FUNCTION_NAME=" + function + "\0AWS_LAMBDA_FUNCTION_MEMORY_SIZE=" + memorySize
                + "\0AWS_LAMBDA_RUNTIME_API=127.0.0.1:40000\0";
        Files.write(directory.resolve("environ"), environ.getBytes(StandardCharsets.UTF_8));
        Files.writeString(directory.resolve("status"), "Name:\tjava\nVmRSS:\t  100 kB\nVmHWM:\t  " + peakKb + " kB\n");
    }
}
