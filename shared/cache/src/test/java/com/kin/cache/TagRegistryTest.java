package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagRegistryTest {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private final MutableClock clock = MutableClock.startingNow();
    private final TagRegistry tags = new TagRegistry(clock, BOUND, true);

    private void read(Map<String, String> versions, String epoch) {
        TagRegistry.Refresh refresh = tags.beginRefresh();
        tags.completeRefresh(refresh, versions.keySet(), versions, epoch);
    }

    @Test
    void unknownTag_isStale() {
        assertThat(tags.staleAmong(Set.of("contacts"), clock.millis())).containsExactly("contacts");
    }

    @Test
    void readVersion_isTrustedForOneBound() {
        read(Map.of("contacts", "v1"), "e1");
        long readAt = clock.millis();

        assertThat(tags.confirmedUntil(Set.of("contacts"), Map.of("contacts", "v1"), readAt))
                .isEqualTo(readAt + BOUND.toMillis());
        clock.advance(BOUND);
        assertThat(tags.staleAmong(Set.of("contacts"), clock.millis())).containsExactly("contacts");
        assertThat(tags.confirmedUntil(Set.of("contacts"), Map.of("contacts", "v1"), clock.millis()))
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void entryAtAnotherVersion_isNeverConfirmed() {
        read(Map.of("contacts", "v2"), "e1");

        assertThat(tags.confirmedUntil(Set.of("contacts"), Map.of("contacts", "v1"), clock.millis()))
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void tagWithoutItem_isNeverWritten() {
        TagRegistry.Refresh refresh = tags.beginRefresh();
        tags.completeRefresh(refresh, Set.of("owner:1"), Map.of(), "e1");

        assertThat(tags.capture(Set.of("owner:1"))).containsEntry("owner:1", TagRegistry.NEVER_WRITTEN);
    }

    @Test
    void unchangedEpoch_vouchesForTagsReadAfterItWasKnown() {
        read(Map.of(), "e1");
        read(Map.of("contacts", "v1"), "e1");
        clock.advance(BOUND.multipliedBy(5));
        assertThat(tags.staleAmong(Set.of("contacts"), clock.millis())).containsExactly("contacts");

        read(Map.of(), "e1");

        assertThat(tags.staleAmong(Set.of("contacts"), clock.millis())).isEmpty();
    }

    @Test
    void changedEpoch_vouchesForNothing() {
        read(Map.of(), "e1");
        read(Map.of("contacts", "v1"), "e1");
        clock.advance(BOUND.multipliedBy(5));

        read(Map.of(), "e2");

        assertThat(tags.staleAmong(Set.of("contacts"), clock.millis())).containsExactly("contacts");
    }

    @Test
    void epochReadInTheSameBatchAsATag_doesNotVouchForIt() {
        read(Map.of("contacts", "v1"), "e1");
        clock.advance(BOUND.multipliedBy(5));

        read(Map.of(), "e1");

        assertThat(tags.staleAmong(Set.of("contacts"), clock.millis())).containsExactly("contacts");
    }

    @Test
    void localInvalidation_makesEarlierEntriesMissesAtOnce() {
        long before = tags.sequence();

        tags.markInvalidated(List.of("contact:1"));

        assertThat(tags.untouchedSince(Set.of("contact:1", "contacts"), before)).isFalse();
        assertThat(tags.untouchedSince(Set.of("contacts"), before)).isTrue();
        assertThat(tags.untouchedSince(Set.of("contact:1"), tags.sequence())).isTrue();
    }

    @Test
    void localInvalidation_staysPendingUntilWritten() {
        long seq = tags.markInvalidated(List.of("contact:1"));

        assertThat(tags.anyPending(Set.of("contact:1"))).isTrue();
        assertThat(tags.capture(Set.of("contact:1"))).containsEntry("contact:1", null);

        tags.confirmWritten(Map.of("contact:1", "v9"), clock.millis(), seq);

        assertThat(tags.anyPending(Set.of("contact:1"))).isFalse();
        assertThat(tags.capture(Set.of("contact:1"))).containsEntry("contact:1", "v9");
    }

    @Test
    void writeCoveringAnOlderInvalidation_leavesANewerOnePending() {
        long first = tags.markInvalidated(List.of("contact:1"));
        tags.markInvalidated(List.of("contact:1"));

        tags.confirmWritten(Map.of("contact:1", "v9"), clock.millis(), first);

        assertThat(tags.anyPending(Set.of("contact:1"))).isTrue();
    }

    @Test
    void olderAnswerArrivingLate_doesNotReplaceANewerOne() {
        TagRegistry.Refresh older = tags.beginRefresh();
        clock.advance(Duration.ofMillis(10));
        read(Map.of("contacts", "v2"), "e1");

        tags.completeRefresh(older, Set.of("contacts"), Map.of("contacts", "v1"), "e0");

        assertThat(tags.capture(Set.of("contacts"))).containsEntry("contacts", "v2");
    }
}
