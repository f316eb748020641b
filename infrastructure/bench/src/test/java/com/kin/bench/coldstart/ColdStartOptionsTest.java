package com.kin.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartOptionsTest {

    private static final List<String> DEFAULTS = List.of("contacts", "templates");

    @Test
    void parse_noArguments_allFunctionsWithAFloorNineRuns() {
        ColdStartOptions options = ColdStartOptions.parse(DEFAULTS);

        assertThat(options.functions()).containsExactly("contacts", "templates");
        assertThat(options.runs()).isEqualTo(9);
        assertThat(options.full()).isTrue();
        assertThat(options.template()).isEqualTo(Path.of("template.yaml"));
        assertThat(options.resultsDirectory()).isEqualTo(Path.of("results"));
        assertThat(options.classLoad()).isFalse();
    }

    @Test
    void parse_classLoad_isAFlagWithoutValue() {
        ColdStartOptions options = ColdStartOptions.parse(DEFAULTS, "--class-load", "--runs", "1");

        assertThat(options.classLoad()).isTrue();
        assertThat(options.runs()).isEqualTo(1);
    }

    @Test
    void parse_functionsAndRuns_areTaken() {
        ColdStartOptions options = ColdStartOptions.parse(DEFAULTS, "--functions", " contacts ,templates,", "--runs", "3",
                "--results", "out");

        assertThat(options.functions()).containsExactly("contacts", "templates");
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.full()).isFalse();
        assertThat(options.resultsDirectory()).isEqualTo(Path.of("out"));
    }

    @Test
    void parse_runsNotANumber_namesTheOption() {
        assertThatThrownBy(() -> ColdStartOptions.parse(DEFAULTS, "--runs", "many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--runs").hasMessageContaining("many");
    }

    @Test
    void parse_zeroRuns_isRejected() {
        assertThatThrownBy(() -> ColdStartOptions.parse(DEFAULTS, "--runs", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void parse_unknownOption_isRejected() {
        assertThatThrownBy(() -> ColdStartOptions.parse(DEFAULTS, "--warm", "yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warm - unknown option");
    }

    @Test
    void parse_optionWithoutValue_isRejected() {
        assertThatThrownBy(() -> ColdStartOptions.parse(DEFAULTS, "--functions"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--functions - needs a value");
    }

    @Test
    void parse_emptyFunctionList_isRejected() {
        assertThatThrownBy(() -> ColdStartOptions.parse(DEFAULTS, "--functions", ","))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one function");
    }
}
