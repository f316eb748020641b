package com.kin.migrate;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin of a fresh deployment. Every API route needs the caller's users row (id = the token's {@code sub}),
 * and only an admin may create users, so the first one cannot come through the API: with {@code MIGRATE_ADMIN_EMAIL}
 * and {@code MIGRATE_ADMIN_ID} (a Cognito user's e-mail and sub) set, each run after the migrations makes sure that
 * user exists, is an admin and is active. Re-running changes nothing once it is; an admin locked out by a demotion or
 * deactivation gets back in with the next deploy.
 */
@Singleton
public class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    /** On an existing id only the role and active flag are restored; the e-mail and name stay as the admins set them. */
    private static final String UPSERT = """
            insert into users (id, email, name, role) values (?, ?, ?, 'admin')
            on conflict (id) do update set role = 'admin', active = true, updated_at = now(), version = users.version + 1
            where users.role <> 'admin' or not users.active""";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final MigrateConfig config;

    public FirstAdmin(DataSource dataSource, MigrateConfig config) {
        this.dataSource = dataSource;
        this.config = config.validated();
    }

    /** True when a row was written (created, or restored to an active admin); false when none was needed. */
    public boolean ensure() {
        if (!config.hasAdmin()) {
            return false;
        }
        String email = config.adminEmail().toLowerCase(Locale.ROOT);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, UUID.fromString(config.adminId()));
            upsert.setString(2, email);
            upsert.setString(3, email.substring(0, email.indexOf('@')));
            boolean written = upsert.executeUpdate() > 0;
            LOG.info("migrate - first admin {}: {}", config.adminId(), written ? "written" : "already an active admin");
            return written;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("migrate - MIGRATE_ADMIN_EMAIL belongs to another user than "
                        + "MIGRATE_ADMIN_ID " + config.adminId() + "; use that user's Cognito sub", e);
            }
            throw new IllegalStateException("migrate - failed to write the first admin " + config.adminId(), e);
        }
    }
}
