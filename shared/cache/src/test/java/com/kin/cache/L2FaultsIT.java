package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * L2 slow, unreachable or without its table: every request is still answered from the loader, the failure is counted
 * once per retry interval, and L2 is used again once it is back, without a restart.
 */
class L2FaultsIT {

    /** Generous for DynamoDB Local (slow on first writes), still far below the SDK's own 1 s timeout. */
    private static final Duration BUDGET = Duration.ofMillis(400);
    private final CacheFixture fixture = new CacheFixture();
    private final Duration retryInterval = fixture.settings().l2RetryInterval();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final AtomicLong database = new AtomicLong(1);
    private SwitchableProxy proxy;

    @AfterEach
    void close() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        fixture.close();
    }

    private static CacheKey key(String id) {
        return CacheKey.shared(CacheKind.CONTACT, id, "contact:" + id);
    }

    private Cached<Note> read(TwoTierCache cache, String id) {
        return cache.get(key(id), Note.class, () -> new Note(id, database.get(), "row"));
    }

    private double errors() {
        return metrics.total("CacheError", Map.of("tier", "l2"));
    }

    @Test
    void unansweringL2_everyRequestAnsweredErrorCountedOncePerInterval_thenUsedAgain() throws IOException {
        proxy = new SwitchableProxy(fixture.dynamo.port());
        TwoTierCache cache = fixture.instance(proxy.endpoint(), BUDGET, metrics);
        TwoTierCache healthy = fixture.instance(new RecordingMetrics());
        proxy.switchTo(SwitchableProxy.Mode.BLACKHOLE);

        for (int i = 0; i < 20; i++) {
            Cached<Note> answer = read(cache, "c" + i);
            assertThat(answer.value().id()).isEqualTo("c" + i);
            assertThat(answer.source()).isEqualTo(CacheSource.MISS);
        }
        assertThat(errors()).isEqualTo(1);
        assertThat(metrics.total("CacheError", Map.of("tier", "l2", "operation", "read",
                "kind", CacheKind.CONTACT.code()))).as("the failed read was for a contact").isEqualTo(1);
        assertThat(cache.stats().l2State()).isEqualTo("open");

        fixture.clock.advance(retryInterval);
        for (int i = 0; i < 5; i++) {
            assertThat(read(cache, "d" + i).value().id()).isEqualTo("d" + i);
        }
        assertThat(errors()).as("one failed probe in the second interval").isEqualTo(2);

        proxy.switchTo(SwitchableProxy.Mode.FORWARD);
        read(healthy, "shared");
        fixture.clock.advance(retryInterval);

        assertThat(read(cache, "shared").source()).isEqualTo(CacheSource.L2);
        assertThat(cache.stats().l2State()).isEqualTo("closed");
        assertThat(errors()).isEqualTo(2);
    }

    @Test
    void refusedConnections_everyRequestAnsweredErrorCountedOnce() throws IOException {
        TwoTierCache cache = fixture.instance(closedPortEndpoint(), BUDGET, metrics);

        for (int i = 0; i < 10; i++) {
            assertThat(read(cache, "c" + i).source()).isEqualTo(CacheSource.MISS);
        }
        cache.invalidate("contact:c1");

        assertThat(read(cache, "c1").value().version()).isEqualTo(1);
        assertThat(errors()).isEqualTo(1);
        assertThat(cache.stats().pendingInvalidations()).isEqualTo(1);
    }

    @Test
    void deletedTable_everyRequestAnswered_thenUsedAgainOnceTheTableIsBack() {
        TwoTierCache cache = fixture.instance(fixture.dynamo.endpoint(), BUDGET, metrics);
        fixture.dynamo.deleteTable(fixture.table);

        for (int i = 0; i < 10; i++) {
            assertThat(read(cache, "c" + i).source()).isEqualTo(CacheSource.MISS);
        }
        assertThat(errors()).isEqualTo(1);

        fixture.dynamo.createCacheTable(fixture.table);
        read(fixture.instance(new RecordingMetrics()), "back");
        fixture.clock.advance(retryInterval);

        assertThat(read(cache, "back").source()).isEqualTo(CacheSource.L2);
        assertThat(errors()).isEqualTo(1);
    }

    @Test
    void invalidationDuringAnOutage_holdsLocallyAndReachesOthersWhenL2IsBack() throws IOException {
        proxy = new SwitchableProxy(fixture.dynamo.port());
        TwoTierCache writer = fixture.instance(proxy.endpoint(), BUDGET, metrics);
        TwoTierCache reader = fixture.instance(new RecordingMetrics());
        read(writer, "c1");
        read(reader, "c1");
        proxy.switchTo(SwitchableProxy.Mode.BLACKHOLE);

        database.set(2);
        writer.invalidate("contact:c1");

        assertThat(read(writer, "c1").value().version()).as("read-your-writes during the outage").isEqualTo(2);
        assertThat(writer.stats().pendingInvalidations()).isEqualTo(1);

        proxy.switchTo(SwitchableProxy.Mode.FORWARD);
        fixture.clock.advance(retryInterval);
        read(writer, "other");

        assertThat(writer.stats().pendingInvalidations()).isZero();
        assertThat(read(reader, "c1").value().version()).as("the bound counts from the write reaching L2").isEqualTo(2);
    }

    private static URI closedPortEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
