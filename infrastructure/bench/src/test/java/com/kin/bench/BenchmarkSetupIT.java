package com.kin.bench;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JMH benchmarks start: each trial setup runs once against the real services, as {@code ./kin bench jmh} runs it.
 * HandlerBenchmark's setup proves every measured path (miss, l1) through the handler's x-cache header, so a context
 * that fails to start or a path that is not what its name says fails here instead of in a benchmark run. No timing.
 */
class BenchmarkSetupIT {

    @ParameterizedTest
    @ValueSource(strings = {"dynamodb-local", "off"})
    void handlerBenchmark_provesEachPath(String l2) {
        HandlerBenchmark bench = new HandlerBenchmark();
        bench.l2 = l2;

        assertThatCode(() -> {
            bench.start();
            bench.getContactCached();
            bench.stop();
        }).doesNotThrowAnyException();
    }

    @Test
    void cacheBenchmark_starts() {
        CacheBenchmark bench = new CacheBenchmark();

        assertThatCode(() -> {
            bench.start();
            bench.l1Hit();
            bench.stop();
        }).doesNotThrowAnyException();
    }

    @Test
    void serializationBenchmark_starts() throws IOException {
        SerializationBenchmark bench = new SerializationBenchmark();
        bench.start();

        assertThatCode(bench::writeContactPage).doesNotThrowAnyException();
    }
}
