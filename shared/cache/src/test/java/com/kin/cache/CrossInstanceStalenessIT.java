package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guarantee the guide's cache never had: instances of a function with separate L1s over one table, writes through
 * one, reads through the others; once the staleness bound has passed since a write returned, no read sees older data,
 * and the writing instance never does.
 */
class CrossInstanceStalenessIT {

    private final CacheFixture fixture = new CacheFixture();
    private final Duration bound = fixture.settings().stalenessBound();

    private final List<TwoTierCache> realClockInstances = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        realClockInstances.forEach(TwoTierCache::close);
        fixture.close();
    }

    /** One instance of a "contacts function": the database is shared, the cache instance is its own. */
    private record FunctionInstance(TwoTierCache cache, Map<String, Long> database) {

        long read(String id) {
            CacheKey key = CacheKey.shared(CacheKind.CONTACT, id, "contact:" + id, "contacts");
            return cache.get(key, Note.class, () -> new Note(id, database.getOrDefault(id, 0L), "row")).value().version();
        }

        long write(String id) {
            long version = database.merge(id, 1L, Long::sum);
            cache.invalidate("contact:" + id);
            return version;
        }
    }

    @Test
    void writeThroughOne_isSeenByTheOtherOnceTheBoundHasPassed() {
        Map<String, Long> database = new ConcurrentHashMap<>();
        FunctionInstance writer = new FunctionInstance(fixture.instance(new RecordingMetrics()), database);
        FunctionInstance reader = new FunctionInstance(fixture.instance(new RecordingMetrics()), database);
        assertThat(reader.read("42")).isZero();
        assertThat(writer.read("42")).isZero();

        long written = writer.write("42");

        assertThat(writer.read("42")).as("read-your-writes on the writing instance").isEqualTo(written);
        assertThat(reader.read("42")).as("within the bound either value may be seen").isBetween(0L, written);
        fixture.clock.advance(bound.plusMillis(1));
        assertThat(reader.read("42")).as("after the bound").isEqualTo(written);
    }

    @Test
    void randomSchedule_neverServesAWriteUndoneAfterTheBound() {
        Map<String, Long> database = new ConcurrentHashMap<>();
        List<FunctionInstance> instances = List.of(
                new FunctionInstance(fixture.instance(new RecordingMetrics()), database),
                new FunctionInstance(fixture.instance(new RecordingMetrics()), database),
                new FunctionInstance(fixture.instance(new RecordingMetrics()), database));
        WriteLog log = new WriteLog(bound, true);
        Random random = new Random(20240611);
        for (int step = 0; step < 1_500; step++) {
            FunctionInstance instance = instances.get(random.nextInt(instances.size()));
            String id = "c" + random.nextInt(3);
            int action = random.nextInt(10);
            if (action < 2) {
                log.written(id, instance, instance.write(id), fixture.clock.millis());
            } else if (action < 4) {
                fixture.clock.advance(Duration.ofMillis(random.nextInt(700)));
            } else {
                long startedAt = fixture.clock.millis();
                log.check(id, instance, startedAt, instance.read(id));
            }
        }
        assertThat(log.violations).isEmpty();
        assertThat(log.checkedAfterAWrite).isGreaterThan(100);
    }

    @Test
    void concurrentReadersAndWriters_onTheRealClock_neverSeeAWriteUndoneAfterTheBound() throws Exception {
        Map<String, Long> database = new ConcurrentHashMap<>();
        CacheSettings settings = fixture.settings().withStalenessBound(Duration.ofMillis(200));
        Clock clock = Clock.systemUTC();
        List<FunctionInstance> instances = List.of(
                new FunctionInstance(realClockInstance(settings, clock), database),
                new FunctionInstance(realClockInstance(settings, clock), database));
        WriteLog log = new WriteLog(settings.stalenessBound(), false);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(t);
                FunctionInstance instance = instances.get(t % 2);
                boolean writes = t % 2 == 0; // instance 0 writes and reads, instance 1 only reads
                workers.add(threads.submit(() -> {
                    for (int op = 0; op < 150; op++) {
                        String id = "c" + random.nextInt(2);
                        if (writes && random.nextInt(4) == 0) {
                            long version = instance.write(id);
                            log.written(id, instance, version, clock.millis());
                        } else {
                            long startedAt = clock.millis();
                            log.check(id, instance, startedAt, instance.read(id));
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(log.violations).isEmpty();
    }

    private TwoTierCache realClockInstance(CacheSettings settings, Clock clock) {
        CacheFactory factory = new CacheFactory();
        TwoTierCache cache = new TwoTierCache(settings, factory.cacheEnhancedClient(factory.cacheDynamoDbClient(settings)),
                CacheFixture.JSON, new RecordingMetrics(), clock);
        cache.start();
        realClockInstances.add(cache);
        return cache;
    }

    /**
     * Every write with the time it returned; a read that started at {@code t} must see at least every version whose
     * write returned before {@code t - bound}, and at least what its own instance wrote before it started.
     */
    private static final class WriteLog {

        private record Write(String id, FunctionInstance instance, long version, long returnedAt) {
        }

        private final long boundMillis;
        private final boolean sequential;
        private final List<Write> writes = new CopyOnWriteArrayList<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        volatile int checkedAfterAWrite;

        /** {@code sequential}: one thread, so a read in the millisecond a write returned came after it. */
        WriteLog(Duration bound, boolean sequential) {
            this.boundMillis = bound.toMillis();
            this.sequential = sequential;
        }

        void written(String id, FunctionInstance instance, long version, long returnedAt) {
            writes.add(new Write(id, instance, version, returnedAt));
        }

        void check(String id, FunctionInstance instance, long startedAt, long seen) {
            long required = 0;
            for (Write write : writes) {
                boolean settled = write.returnedAt() + boundMillis < startedAt;
                boolean returnedBefore = sequential ? write.returnedAt() <= startedAt : write.returnedAt() < startedAt;
                boolean own = write.instance() == instance && returnedBefore;
                if (write.id().equals(id) && (settled || own)) {
                    required = Math.max(required, write.version());
                }
            }
            if (required > 0) {
                checkedAfterAWrite++;
            }
            if (seen < required) {
                violations.add("read of " + id + " at " + startedAt + " saw version " + seen + ", needed " + required);
            }
        }
    }
}
