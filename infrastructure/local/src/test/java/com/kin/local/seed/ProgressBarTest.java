package com.kin.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.LogStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final LogStream log = new LogStream(new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void notATerminal_writesOneLinePerQuarter() {
        ProgressBar bar = new ProgressBar(log, 1000, false);

        for (int i = 0; i < 100; i++) {
            bar.advance(10, "contacts");
        }

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).endsWith("seed [------------------------------]   1% 10/1,000 rows (contacts)");
        assertThat(lines.get(2)).contains("seed [###############---------------]  50% 500/1,000 rows");
        assertThat(lines.get(4)).endsWith("seed [##############################] 100% 1,000/1,000 rows (contacts)");
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("kin").doesNotContain("\r"));
    }

    @Test
    void terminal_redrawsOneLineInPlace_andEndsItWhenDone() {
        ProgressBar bar = new ProgressBar(log, 4, true);

        bar.advance(1, "users");
        bar.advance(2, "calls");
        String partial = out.toString(StandardCharsets.UTF_8);
        bar.advance(1, "calls");
        String done = out.toString(StandardCharsets.UTF_8);

        assertThat(partial).startsWith("\r").doesNotContain("\n").contains(" 75% 3/4 rows (calls)");
        assertThat(done.split("\r", -1)).hasSize(4);
        assertThat(done).endsWith("100% 4/4 rows (calls)" + System.lineSeparator());
    }

    @Test
    void rowsPastTheTotal_stopAtOneHundredPercent() {
        ProgressBar bar = new ProgressBar(log, 10, false);

        bar.advance(25, "messages");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("100% 10/10 rows (messages)");
    }
}
