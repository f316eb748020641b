package com.kin.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    private static final String URL = "jdbc:aws-wrapper:postgresql://proxy.example:5432/kin";

    @Test
    void validConfig_passes_andRoundsTheQueryTimeoutUp() {
        assertThat(config(URL, 2, 5000, 3000).validated().queryTimeoutSeconds()).isEqualTo(5);
        assertThat(config(URL, 1, 1001, 250).validated().queryTimeoutSeconds()).isEqualTo(2);
        assertThat(config(URL, 2, 100, 10_000).validated().queryTimeoutSeconds()).isEqualTo(1);
    }

    @Test
    void poolAboveTwoOrBelowOne_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> config(URL, 3, 5000, 3000).validated())
                .hasMessageStartingWith("DB_POOL_MAX - ").hasMessageContaining("got 3").hasMessageContaining("RDS Proxy");
        assertThatThrownBy(() -> config(URL, 0, 5000, 3000).validated()).hasMessageStartingWith("DB_POOL_MAX - ");
    }

    @Test
    void urlThatIsNotTheAwsWrappers_isRefused_withoutItsCredentials() {
        assertThatThrownBy(() -> config("jdbc:postgresql://kin:hunter2@db.example:5432/kin", 2, 5000, 3000).validated())
                .hasMessageStartingWith("DB_URL - must start with jdbc:aws-wrapper:postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> config(null, 2, 5000, 3000).validated()).hasMessage("DB_URL - is not set");
        assertThatThrownBy(() -> config(" ", 2, 5000, 3000).validated()).hasMessage("DB_URL - is not set");
    }

    @Test
    void statementTimeoutOutside100To28000_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> config(URL, 2, 99, 3000).validated()).hasMessageStartingWith("DB_STATEMENT_TIMEOUT_MS - ");
        assertThatThrownBy(() -> config(URL, 2, 28_001, 3000).validated())
                .hasMessageStartingWith("DB_STATEMENT_TIMEOUT_MS - ").hasMessageContaining("got 28001");
    }

    @Test
    void connectTimeoutOutside250To10000_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> config(URL, 2, 5000, 249).validated()).hasMessageStartingWith("DB_CONNECT_TIMEOUT_MS - ");
        assertThatThrownBy(() -> config(URL, 2, 5000, 10_001).validated()).hasMessageStartingWith("DB_CONNECT_TIMEOUT_MS - ");
    }

    @Test
    void credentials_userAlwaysAndPasswordUnlessIam() {
        assertThatThrownBy(() -> new DatabaseConfig(URL, null, "pw", false, 2, 5000, 3000).validated())
                .hasMessage("DB_USER - is not set");
        assertThatThrownBy(() -> new DatabaseConfig(URL, "kin", null, false, 2, 5000, 3000).validated())
                .hasMessageStartingWith("DB_PASSWORD - ");
        assertThat(new DatabaseConfig(URL, "kin", null, true, 2, 5000, 3000).validated().iamAuth()).isTrue();
    }

    private static DatabaseConfig config(String url, int poolMax, int statementTimeoutMs, int connectTimeoutMs) {
        return new DatabaseConfig(url, "kin", "secret", false, poolMax, statementTimeoutMs, connectTimeoutMs);
    }
}
