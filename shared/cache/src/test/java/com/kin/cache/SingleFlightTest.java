package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private final SingleFlight flights = new SingleFlight();

    @Test
    void concurrentCallers_shareOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SingleFlight.Outcome<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    arrived.countDown();
                    return flights.run("k", () -> {
                        runs.incrementAndGet();
                        await(release);
                        return "value";
                    });
                }));
            }
            arrived.await(10, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(100); // lets the last arrivals reach run() before the leader finishes
            release.countDown();
            int leaders = 0;
            for (Future<SingleFlight.Outcome<String>> result : results) {
                SingleFlight.Outcome<String> outcome = result.get(10, TimeUnit.SECONDS);
                assertThat(outcome.value()).isEqualTo("value");
                leaders += outcome.led() ? 1 : 0;
            }
            assertThat(runs).hasValue(1);
            assertThat(leaders).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leadersException_reachesTheLeader() {
        IllegalStateException failure = new IllegalStateException("database down");

        assertThatThrownBy(() -> flights.run("k", () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(flights.run("k", () -> "next").value()).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
