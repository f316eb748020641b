package com.kin.bench;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.Cached;
import com.kin.cache.TwoTierCache;
import com.kin.testing.LocalDynamoDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cache tiers against DynamoDB Local, in the sample-time mode so JMH reports p50/p99: an L1 hit, an L2 hit (a reader
 * instance whose L1 holds one entry, over keys another instance wrote), a full miss (load plus the L2 write), and the
 * bare loader as the baseline the miss is compared with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CacheBenchmark {

    private static final int L2_KEYS = 2_000;

    /** A contact-sized value. */
    @Serdeable
    public record Value(String id, String firstName, String lastName, String organization, String phone,
                        List<String> tags, long version) {
    }

    private ApplicationContext writer;
    private ApplicationContext reader;
    private TwoTierCache l1Cache;
    private TwoTierCache l2Reader;
    private final AtomicLong missSequence = new AtomicLong();
    private final Value value = new Value("c-1", "Ada", "Lovelace", "Analytical Engines Ltd", "+14155550132",
            List.of("vip", "prospect"), 3);

    @Setup(Level.Trial)
    public void start() {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String table = LocalDynamoDb.uniqueTableName("bench-cache");
        dynamo.createCacheTable(table);
        writer = context(dynamo, table, 10_000);
        reader = context(dynamo, table, 1);
        l1Cache = writer.getBean(TwoTierCache.class);
        l2Reader = reader.getBean(TwoTierCache.class);
        l1Cache.get(key("hot"), Value.class, () -> value);
        for (int i = 0; i < L2_KEYS; i++) {
            l1Cache.get(key("k" + i), Value.class, () -> value);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        writer.close();
        reader.close();
    }

    @Benchmark
    public Cached<Value> l1Hit() {
        return l1Cache.get(key("hot"), Value.class, () -> value);
    }

    @Benchmark
    public Cached<Value> l2Hit() {
        return l2Reader.get(key("k" + ThreadLocalRandom.current().nextInt(L2_KEYS)), Value.class, () -> value);
    }

    @Benchmark
    public Cached<Value> missThroughBothTiers() {
        return l1Cache.get(key("miss-" + missSequence.incrementAndGet()), Value.class, this::load);
    }

    @Benchmark
    public Value loaderAlone() {
        return load();
    }

    private Value load() {
        return new Value(value.id(), value.firstName(), value.lastName(), value.organization(), value.phone(),
                value.tags(), value.version());
    }

    private static CacheKey key(String id) {
        return CacheKey.shared(CacheKind.CONTACT, id, "contacts:" + id);
    }

    private static ApplicationContext context(LocalDynamoDb dynamo, String table, int l1Size) {
        return ApplicationContext.builder()
                .properties(ClassPathSettings.with(Map.of("cache.table", table,
                        "dynamodb.endpoint", dynamo.endpoint().toString(), "aws.region", dynamo.region().id(),
                        "cache.l1-max-size", String.valueOf(l1Size), "cache.l2-timeout-ms", "1000",
                        "powertools.metrics.disabled", "true")))
                .start();
    }
}
