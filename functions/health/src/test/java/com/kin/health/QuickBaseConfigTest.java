package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuickBaseConfigTest {

    static final String TOKEN = "b9kx2m_tq7z_0_c4f8hn2wq6rjd3zvp5ly7ks9ba";

    @Test
    void nothingSet_isNotUsed() {
        QuickBaseConfig config = new QuickBaseConfig(" ", null, "", null);

        assertThat(config.isUsed()).isFalse();
    }

    @Test
    void wellFormedValues_haveNoProblems() {
        assertThat(new QuickBaseConfig("example.quickbase.com", TOKEN, "bck7gp3q2", null).problems()).isEmpty();
        assertThat(new QuickBaseConfig("example.quickbase.com", "b39re4_mkf7_du2buby24kr7d4hkcu9cpxn69s", "bck7gp3q2",
                null).problems()).isEmpty();
    }

    @Test
    void partlySet_namesEveryMissingKey() {
        QuickBaseConfig config = new QuickBaseConfig("example.quickbase.com", null, null, null);

        assertThat(config.isUsed()).isTrue();
        assertThat(config.problems()).containsExactly("QUICKBASE_USER_TOKEN is not set", "QUICKBASE_APP_ID is not set");
    }

    @Test
    void malformedValues_areNamed_andTheTokenIsNeverQuoted() {
        String badToken = "secret-" + TOKEN;
        QuickBaseConfig config = new QuickBaseConfig("https://example.quickbase.com/db", badToken, "CK7GP3Q2!", null);

        assertThat(config.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("QUICKBASE_REALM must be").contains("https://example"))
                .anySatisfy(p -> assertThat(p).startsWith("QUICKBASE_USER_TOKEN is not shaped"))
                .anySatisfy(p -> assertThat(p).startsWith("QUICKBASE_APP_ID must be"))
                .allSatisfy(p -> assertThat(p).doesNotContain(badToken).doesNotContain(TOKEN));
    }

    @Test
    void aTokenPutInTheWrongVariable_isNotQuoted() {
        QuickBaseConfig config = new QuickBaseConfig(TOKEN, null, TOKEN, null);

        assertThat(config.problems()).allSatisfy(p -> assertThat(p).doesNotContain(TOKEN));
    }

    @Test
    void appUri_isTheGetAppCall_onTheDefaultOrConfiguredBase() {
        assertThat(new QuickBaseConfig("example.quickbase.com", TOKEN, "bck7gp3q2", null).appUri())
                .hasToString("https://api.quickbase.com/v1/apps/bck7gp3q2");
        assertThat(new QuickBaseConfig("example.quickbase.com", TOKEN, "bck7gp3q2", "http://127.0.0.1:8089/").appUri())
                .hasToString("http://127.0.0.1:8089/v1/apps/bck7gp3q2");
    }

    @Test
    void apiBaseUrl_plainHttpToAnotherHost_failsTheStartNamingTheKey() {
        assertThatThrownBy(() -> new QuickBaseConfig(null, null, null, "http://quickbase.example.org"))
                .hasMessageStartingWith("QUICKBASE_API_BASE_URL - plain http is only for");
        assertThatThrownBy(() -> new QuickBaseConfig(null, null, null, "https://api.quickbase.com/v1"))
                .hasMessageStartingWith("QUICKBASE_API_BASE_URL - must be scheme://host[:port]");
        assertThatThrownBy(() -> new QuickBaseConfig(null, null, null, "api.quickbase.com"))
                .hasMessageStartingWith("QUICKBASE_API_BASE_URL - must be an http(s) URL");
    }

    @Test
    void toString_hidesTheToken() {
        assertThat(new QuickBaseConfig("example.quickbase.com", TOKEN, "bck7gp3q2", null).toString())
                .doesNotContain(TOKEN).contains("userToken=***");
    }
}
