package com.kin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /** The trial setup answers the sample call; one invocation of each kind then proves its delivery is accepted. */
    @Test
    void webhookBenchmark_acceptsEachKindOfDelivery() {
        WebhookBenchmark bench = new WebhookBenchmark();
        bench.l2 = "off";

        assertThatCode(() -> {
            bench.start();
            deliver(new WebhookBenchmark.InboundCall(), d -> d.next(), bench::inboundCall);
            deliver(new WebhookBenchmark.CallStatus(), d -> d.next(), bench::callStatus);
            deliver(new WebhookBenchmark.Recording(), d -> d.next(), bench::recording);
            deliver(new WebhookBenchmark.Transcription(), d -> d.next(), bench::transcription);
            deliver(new WebhookBenchmark.InboundSms(), d -> d.next(), bench::inboundSms);
            WebhookBenchmark.SmsStatus status = new WebhookBenchmark.SmsStatus();
            deliver(status, d -> d.next(), bench::smsStatus);
            // The measured path is the callback applied to a stored message, not one kept for a SID not stored yet.
            assertThat(WebhookBench.messageStatus(status.sid)).isEqualTo("delivered");
            bench.stop();
        }).doesNotThrowAnyException();
    }

    private static <D extends WebhookBenchmark.Delivery> void deliver(D delivery, Consumer<D> setup,
                                                                      Function<D, ?> invocation) {
        setup.accept(delivery);
        invocation.apply(delivery);
        delivery.check();
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
