package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final UUID AGENT_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID AGENT_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static CacheKey contactsPage(Caller caller, String query) {
        return CacheKey.builder(CacheKind.CONTACT_LIST).scope(caller).param("q", query).param("cursor", null)
                .tags("contacts").build();
    }

    @Test
    void callersWhoSeeDifferentRecords_getDifferentKeys() {
        Caller agentA = new Caller(AGENT_A, "a@kin.test", Role.AGENT, "sales");
        Caller agentB = new Caller(AGENT_B, "b@kin.test", Role.AGENT, "sales");
        Caller manager = new Caller(AGENT_B, "b@kin.test", Role.MANAGER, "sales");
        Caller admin = new Caller(AGENT_A, "a@kin.test", Role.ADMIN, null);

        assertThat(Set.of(contactsPage(agentA, "x").id(), contactsPage(agentB, "x").id(), contactsPage(manager, "x").id(),
                contactsPage(admin, "x").id())).hasSize(4);
    }

    @Test
    void callersWhoSeeTheSameRecords_shareAKey() {
        Caller admin1 = new Caller(AGENT_A, "a@kin.test", Role.ADMIN, null);
        Caller admin2 = new Caller(AGENT_B, "b@kin.test", Role.ADMIN, "ops");
        Caller salesManager1 = new Caller(AGENT_A, "a@kin.test", Role.MANAGER, "sales");
        Caller salesManager2 = new Caller(AGENT_B, "b@kin.test", Role.MANAGER, "sales");

        assertThat(contactsPage(admin1, "x")).isEqualTo(contactsPage(admin2, "x"));
        assertThat(contactsPage(salesManager1, "x")).isEqualTo(contactsPage(salesManager2, "x"));
    }

    @Test
    void parameters_areSortedEncodedAndNullsLeftOut() {
        CacheKey key = CacheKey.builder(CacheKind.SEARCH).scope("user:1").param("q", "a|b=c").param("limit", 20)
                .param("cursor", null).build();

        assertThat(key.id()).isEqualTo("user%3A1|limit=20|q=a%7Cb%3Dc");
    }

    @Test
    void aParameterValueCannotForgeAnotherParameter() {
        CacheKey forged = CacheKey.builder(CacheKind.SEARCH).scope("user:1").param("q", "x|tag=vip").build();
        CacheKey real = CacheKey.builder(CacheKind.SEARCH).scope("user:1").param("q", "x").param("tag", "vip").build();

        assertThat(forged.id()).isNotEqualTo(real.id());
    }

    @Test
    void keyWithoutScopeOrShared_isRejected() {
        assertThatThrownBy(() -> CacheKey.builder(CacheKind.CONTACT_LIST).param("q", "x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scope(...) or shared()");
    }

    @Test
    void sharedScopeCannotBeNamedAsAVisibility() {
        assertThatThrownBy(() -> CacheKey.builder(CacheKind.CONTACT).scope("*"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharedKey_namesTheIdAndTags() {
        CacheKey key = CacheKey.shared(CacheKind.CONTACT, "42", "contact:42");

        assertThat(key.id()).isEqualTo("*|id=42");
        assertThat(key.tags()).containsExactly("contact:42");
    }

    @Test
    void tooManyOrBlankTags_areRejected() {
        String[] tooMany = IntStream.rangeClosed(0, CacheKey.MAX_TAGS).mapToObj(i -> "t" + i).toArray(String[]::new);

        assertThatThrownBy(() -> CacheKey.shared(CacheKind.CONTACT, "1", tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + CacheKey.MAX_TAGS);
        assertThatThrownBy(() -> CacheKey.shared(CacheKind.CONTACT, "1", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longIds_getABoundedStorageKey() {
        CacheKey key = CacheKey.builder(CacheKind.SEARCH).scope("admin").param("q", "x".repeat(3_000)).build();

        assertThat(StorageKeys.entry(key)).startsWith("e#search#sha256:").hasSizeLessThan(80);
        assertThat(StorageKeys.entry(CacheKey.shared(CacheKind.CONTACT, "7"))).isEqualTo("e#contact#*|id=7");
    }
}
