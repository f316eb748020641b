package com.kin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheTags;
import com.kin.cache.TwoTierCache;
import com.kin.testing.SampleUsers;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm invocations of the real contacts handler, in the sample-time mode so JMH reports p50/p99: GET one contact and
 * GET a list page, each cached (an L1 hit) and uncached. Uncached means the read's tag was invalidated just before the
 * operation (outside the measured time), so the operation is the full miss path a write leaves behind: L1 miss, L2
 * read of a stale entry, the Postgres query, the L2 write; the handler's x-cache header is checked to say so. With
 * {@code l2=off} the cache has no L2 tier, so an uncached read is the handler and Postgres alone: the difference between
 * the two is what DynamoDB Local's round trips cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class HandlerBenchmark {

    /** The cache's L2 tier: DynamoDB Local, as in the function's tests, or none. */
    @Param({"dynamodb-local", "off"})
    public String l2;

    private LambdaStdout stdout;
    private ContactsBench contacts;
    private TwoTierCache cache;
    private APIGatewayV2HTTPEvent getOne;
    private APIGatewayV2HTTPEvent listPage;
    private String contactTag;
    private Set<String> listTags;

    @Setup(Level.Trial)
    public void start() {
        stdout = LambdaStdout.redirect();
        contacts = ContactsBench.start(!"off".equals(l2));
        cache = contacts.bean(TwoTierCache.class);
        UUID id = ContactsBench.agentContactIds(1).get(0);
        getOne = ContactsBench.get(id);
        listPage = ContactsBench.listPage();
        contactTag = CacheTags.record("contacts", id);
        listTags = CacheTags.listsShowing("contacts", SampleUsers.AGENT1, "sales");
        // Prove each path is what its name says before measuring it.
        contacts.expect(getOne, "miss");
        contacts.expect(getOne, "l1");
        contacts.expect(listPage, "miss");
        contacts.expect(listPage, "l1");
        invalidateContact();
        contacts.expect(getOne, "miss");
        invalidateLists();
        contacts.expect(listPage, "miss");
    }

    @TearDown(Level.Trial)
    public void stop() {
        contacts.close();
        stdout.close();
    }

    /** Per-invocation state whose setup invalidates before each uncached GET; not part of the measured time. */
    @State(Scope.Thread)
    public static class ContactInvalidated {
        @Setup(Level.Invocation)
        public void invalidate(HandlerBenchmark bench) {
            bench.invalidateContact();
        }
    }

    /** The same for the list page. */
    @State(Scope.Thread)
    public static class ListInvalidated {
        @Setup(Level.Invocation)
        public void invalidate(HandlerBenchmark bench) {
            bench.invalidateLists();
        }
    }

    @Benchmark
    public APIGatewayV2HTTPResponse getContactCached() {
        return contacts.invoke(getOne);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse getContactUncached(ContactInvalidated invalidated) {
        return contacts.invoke(getOne);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse listPageCached() {
        return contacts.invoke(listPage);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse listPageUncached(ListInvalidated invalidated) {
        return contacts.invoke(listPage);
    }

    void invalidateContact() {
        cache.invalidate(List.of(contactTag));
    }

    void invalidateLists() {
        cache.invalidate(listTags);
    }
}
