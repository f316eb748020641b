package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheKindTest {

    private final CacheSettings defaults = CacheSettings.defaults(null, null, null);

    @Test
    void l1Ttls_areTheGuidesInMemoryTtls() {
        assertThat(defaults.l1Ttl(CacheKind.SESSION)).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.l1Ttl(CacheKind.PREFERENCES)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.l1Ttl(CacheKind.CONTACT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.l1Ttl(CacheKind.CONTACT_LIST)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.l1Ttl(CacheKind.CALL_LIST)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.l1Ttl(CacheKind.VOICEMAIL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.l1Ttl(CacheKind.VOICEMAIL_LIST)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void l2Ttls_areTheGuidesCacheTtls() {
        assertThat(defaults.l2Ttl(CacheKind.CONTACT)).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.l2Ttl(CacheKind.VOICEMAIL)).isEqualTo(Duration.ofSeconds(180));
        assertThat(defaults.l2Ttl(CacheKind.CALL)).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.l2Ttl(CacheKind.MESSAGE_LIST)).isEqualTo(Duration.ofSeconds(180));
        assertThat(defaults.l2Ttl(CacheKind.SEARCH)).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.l1Ttl(CacheKind.SEARCH)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void cacheTtlAndSessionTtl_replaceOnlyTheDefaultAndSessionTtls() {
        CacheSettings configured = new CacheSettings(null, Duration.ofSeconds(42), Duration.ofSeconds(7), 10, Duration.ofMillis(50),
                Duration.ofSeconds(1), Duration.ofSeconds(5), (URI) null, null);

        assertThat(configured.l1Ttl(CacheKind.TEMPLATE)).isEqualTo(Duration.ofSeconds(42));
        assertThat(configured.l2Ttl(CacheKind.PREFERENCES)).isEqualTo(Duration.ofSeconds(42));
        assertThat(configured.l1Ttl(CacheKind.SESSION)).isEqualTo(Duration.ofSeconds(7));
        assertThat(configured.l2Ttl(CacheKind.SESSION)).isEqualTo(Duration.ofSeconds(7));
        assertThat(configured.l2Ttl(CacheKind.CONTACT)).isEqualTo(Duration.ofSeconds(300));
        assertThat(configured.l1Ttl(CacheKind.CALL)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void everyKind_hasBothTtls() {
        for (CacheKind kind : CacheKind.values()) {
            assertThat(defaults.l1Ttl(kind)).as(kind.name()).isPositive();
            assertThat(defaults.l2Ttl(kind)).as(kind.name()).isPositive();
        }
        assertThat(defaults.longestTtl()).isEqualTo(Duration.ofMinutes(30));
    }
}
