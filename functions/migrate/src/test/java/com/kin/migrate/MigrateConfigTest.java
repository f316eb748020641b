package com.kin.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MigrateConfigTest {

    @Test
    void appUserWithSqlInIt_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig("kin; drop table users", null, 15_000, null, null).validated())
                .hasMessageStartingWith("MIGRATE_APP_USER - must be a plain lower-case Postgres role name");
    }

    @Test
    void marginOutsideItsRange_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig(null, null, 10, null, null).validated())
                .hasMessageStartingWith("MIGRATE_RESPONSE_MARGIN_MS - must be between 1000 and 120000 ms");
    }

    @Test
    void appPasswordWithAQuote_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig("kin_app", "secret'; drop role x; --", 15_000, null, null).validated())
                .hasMessageStartingWith("MIGRATE_APP_PASSWORD - must be 16 to 128 letters and digits");
    }

    @Test
    void noAppUser_isValid_andGrantsNothing() {
        assertThat(new MigrateConfig("", null, 15_000, null, null).validated().hasAppUser()).isFalse();
        assertThat(new MigrateConfig("kin_app", null, 15_000, null, null).validated().hasAppUser()).isTrue();
    }

    @Test
    void adminEmailWithoutItsId_isRefused_namingBothVariables() {
        assertThatThrownBy(() -> new MigrateConfig(null, null, 15_000, "root@example.org", null).validated())
                .hasMessageStartingWith("MIGRATE_ADMIN_EMAIL and MIGRATE_ADMIN_ID - set both");
    }

    @Test
    void adminIdThatIsNotASub_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig(null, null, 15_000, "root@example.org", "root").validated())
                .hasMessageStartingWith("MIGRATE_ADMIN_ID - must be the Cognito user's sub");
    }

    @Test
    void adminEmailWithoutADomain_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> new MigrateConfig(null, null, 15_000, "root",
                "0b5f2b84-2c9a-4a57-9f4e-6f1d9f0c1a2b").validated())
                .hasMessageStartingWith("MIGRATE_ADMIN_EMAIL - must be an e-mail address");
    }

    @Test
    void bothAdminSettingsOrNeither_areValid() {
        assertThat(new MigrateConfig(null, null, 15_000, "", "").validated().hasAdmin()).isFalse();
        assertThat(new MigrateConfig(null, null, 15_000, "root@example.org", "0b5f2b84-2c9a-4a57-9f4e-6f1d9f0c1a2b")
                .validated().hasAdmin()).isTrue();
    }
}
