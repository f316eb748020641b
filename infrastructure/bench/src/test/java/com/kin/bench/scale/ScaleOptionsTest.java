package com.kin.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.load.data.Scale;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScaleOptionsTest {

    @Test
    void jdbcOnly_takesDefaults() {
        ScaleOptions options = ScaleOptions.parse("--jdbc", "jdbc:postgresql://127.0.0.1:5432/kin");

        assertThat(options.invocations()).isEqualTo(1000);
        assertThat(options.warmUp()).isEqualTo(200);
        assertThat(options.user()).isEqualTo("kin_app");
        assertThat(options.functions()).isEqualTo(ScaleOptions.ALL_FUNCTIONS);
        assertThat(options.out()).isNull();
    }

    @Test
    void databaseMode_needsScale() {
        assertThat(ScaleOptions.parse("--database", "/tmp/x", "--scale", "1m").scale()).isEqualTo(Scale.LARGE);
        assertThatThrownBy(() -> ScaleOptions.parse("--database", "/tmp/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--scale");
    }

    @Test
    void bothOrNeitherDatabase_isRefused() {
        assertThatThrownBy(() -> ScaleOptions.parse("--invocations", "5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> ScaleOptions.parse("--jdbc", "jdbc:postgresql://h/db", "--database", "/tmp/x",
                "--scale", "10k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownFunctionOrOption_isRefused() {
        assertThatThrownBy(() -> ScaleOptions.parse("--jdbc", "jdbc:postgresql://h/db", "--functions", "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known");
        assertThatThrownBy(() -> ScaleOptions.parse("--jdbc", "jdbc:postgresql://h/db", "--bogus", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option");
    }

    @Test
    void parsedOptions_keepTheirValues() {
        ScaleOptions options = ScaleOptions.parse("--jdbc", "jdbc:postgresql://h/db", "--invocations", "7",
                "--warm-up", "0", "--out", "r/x.json", "--functions", "calls,users");

        assertThat(options.invocations()).isEqualTo(7);
        assertThat(options.warmUp()).isZero();
        assertThat(options.out()).isEqualTo(Path.of("r/x.json"));
        assertThat(options.functions()).containsExactly("calls", "users");
    }
}
