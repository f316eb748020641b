package com.kin.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MigrateConfigTest {

    @Test
    void appUserWithSqlInIt_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig("kin; drop table users", null, 15_000).validated())
                .hasMessageStartingWith("MIGRATE_APP_USER - must be a plain lower-case Postgres role name");
    }

    @Test
    void marginOutsideItsRange_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig(null, null, 10).validated())
                .hasMessageStartingWith("MIGRATE_RESPONSE_MARGIN_MS - must be between 1000 and 120000 ms");
    }

    @Test
    void appPasswordWithAQuote_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig("kin_app", "secret'; drop role x; --", 15_000).validated())
                .hasMessageStartingWith("MIGRATE_APP_PASSWORD - must be 16 to 128 letters and digits");
    }

    @Test
    void noAppUser_isValid_andGrantsNothing() {
        assertThat(new MigrateConfig("", null, 15_000).validated().hasAppUser()).isFalse();
        assertThat(new MigrateConfig("kin_app", null, 15_000).validated().hasAppUser()).isTrue();
    }
}
