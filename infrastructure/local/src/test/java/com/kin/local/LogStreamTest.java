package com.kin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogStreamTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final LogStream log = new LogStream(new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void jsonLine_keepsItsJsonAfterThePrefix() {
        log.line("ContactsFunction-1", "{\"level\":\"INFO\",\"message\":\"a | b\"}");

        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(printed).startsWith("ContactsFunction-1").contains(" | ");
        assertThat(printed.replaceFirst("^[^|]*\\| ", "")).isEqualTo("{\"level\":\"INFO\",\"message\":\"a | b\"}");
    }

    @Test
    void pump_copiesEveryLineOfAProcessOutput() throws Exception {
        Thread pump = log.pump("Fn-1", new ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.UTF_8)));
        pump.join();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("Fn-1"));
    }

    @Test
    void pump_handsEachProcessLineToTheListeners_unprefixed() throws Exception {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        log.onProcessLine(heard::add);

        log.pump("Fn-1", new ByteArrayInputStream("{\"_aws\":{}}\ntwo\n".getBytes(StandardCharsets.UTF_8))).join();
        log.line("kin", "not from a process");

        assertThat(heard).containsExactly("{\"_aws\":{}}", "two");
    }

    @Test
    void printStream_turnsLibraryOutputIntoPrefixedLines() {
        PrintStream library = log.printStream("dynamodb");

        library.println("Port:\t8000");
        library.println();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly("dynamodb               | Port:\t8000");
    }
}
