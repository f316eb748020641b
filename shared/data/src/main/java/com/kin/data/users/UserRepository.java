package com.kin.data.users;

import com.kin.core.domain.User;
import com.kin.core.error.ConflictError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.data.RowMapper;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.SqlErrors;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;

/**
 * Users in Postgres: the admin's user list and edits, the caller's own record, and its preferences document. Reads and
 * writes of other users are filtered by {@link Visibility#owner} over the user's own id, so a manager reaches the users of
 * its department and an admin everyone.
 */
@Singleton
public class UserRepository {

    /** The only order of the user list: by e-mail, case-insensitively; {@code users_email_lower_key} serves it. */
    public static final String SORT = "email";

    static final String COLUMNS = "u.id, u.email, u.name, u.role, u.department, u.twilio_worker_sid, u.phone_number, "
            + "u.client_identity, u.active, u.created_at, u.updated_at, u.version";

    public static final RowMapper<User> USER = UserRepository::user;

    /** Which unique constraint a duplicate broke, as the field a client sent. */
    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "users_email_lower_key", "email",
            "users_twilio_worker_sid_key", "twilioWorkerSid",
            "users_client_identity_key", "clientIdentity");

    /** The user, whoever may see it; callers check {@link Caller#canAccess} with its id and department. */
    public Optional<User> find(Sql sql, UUID id) {
        return sql.queryOne("users.byId", "select " + COLUMNS + " from users u where u.id = ?", USER, id);
    }

    /**
     * One page (plus one row) of the users the caller may see, in e-mail order after {@code cursor}. Lower-cased e-mails
     * are unique, so the e-mail alone is the keyset; the cursor keeps the e-mail as stored and Postgres lower-cases it,
     * so the comparison is the index's own.
     */
    public List<User> list(Sql sql, Caller caller, UserFilter filter, Cursor cursor, int fetchSize) {
        Visibility.Fragment visible = Visibility.owner(caller, "u.id");
        StringBuilder where = new StringBuilder(visible.sql());
        List<Object> params = new ArrayList<>(visible.params());
        if (filter.role() != null) {
            where.append(" and u.role = ?");
            params.add(filter.role().wireName());
        }
        if (filter.department() != null) {
            where.append(" and u.department = ?");
            params.add(filter.department());
        }
        if (filter.active() != null) {
            where.append(" and u.active = ?");
            params.add(filter.active());
        }
        if (cursor != null) {
            where.append(" and lower(u.email) > lower(?)");
            params.add(cursor.value());
        }
        params.add(fetchSize);
        return sql.query("users.list", "select " + COLUMNS + " from users u where " + where
                + " order by lower(u.email) limit ?", USER, params.toArray());
    }

    public static Cursor cursorOf(User user) {
        return new Cursor(SORT, user.email(), user.id());
    }

    /** Inserts a user; 409 naming the field when its e-mail, worker SID or client identity is taken. */
    public User insert(Sql sql, Map<UserField, Object> values, Instant now) {
        StringBuilder columns = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        List<Object> params = new ArrayList<>();
        new EnumMap<>(values).forEach((field, value) -> {
            columns.append(field.column()).append(", ");
            marks.append("?, ");
            params.add(value);
        });
        params.add(now);
        params.add(now);
        return uniquely(() -> sql.queryOne("users.insert", "insert into users as u (" + columns
                + "created_at, updated_at) values (" + marks + "?, ?) returning " + COLUMNS, USER, params.toArray())
                .orElseThrow());
    }

    /**
     * Applies {@code changes} if the caller may see the user and, when {@code expectedVersion} is given, it is still at
     * that version. Empty when nothing matched: the user is missing, hidden, or at another version. The same statement
     * returns the department the user had before (the locked row it updated), so a department change costs nothing more.
     */
    public Optional<UpdatedUser> update(Sql sql, Caller caller, UUID id, Map<UserField, Object> changes,
                                        OptionalLong expectedVersion, Instant now) {
        Visibility.Fragment visible = Visibility.owner(caller, "u.id");
        StringBuilder set = new StringBuilder();
        List<Object> params = new ArrayList<>();
        new EnumMap<>(changes).forEach((field, value) -> {
            set.append(field.column()).append(" = ?, ");
            params.add(value);
        });
        params.add(now);
        params.add(id);
        params.addAll(visible.params());
        expectedVersion.ifPresent(params::add);
        String versionCheck = expectedVersion.isPresent() ? " and u.version = ?" : "";
        return uniquely(() -> sql.queryOne("users.update", "update users u set " + set
                + "version = u.version + 1, updated_at = ? "
                + "from (select p.id, p.department from users p where p.id = ? for update) as previous "
                + "where u.id = previous.id and " + visible.sql() + versionCheck
                + " returning " + COLUMNS + ", previous.department as previous_department",
                row -> new UpdatedUser(user(row), row.getString("previous_department")), params.toArray()));
    }

    /** The user's preferences document with its active flag and version; empty when there is no such user. */
    public Optional<StoredPreferences> preferences(Sql sql, UUID userId) {
        return sql.queryOne("users.preferences", "select u.preferences::text as preferences, u.active, u.version "
                        + "from users u where u.id = ?",
                row -> new StoredPreferences(row.getString("preferences"), row.getBoolean("active"),
                        row.getLong("version")),
                userId);
    }

    /**
     * Replaces an active user's preferences with {@code json} (a JSON object) if, when {@code expectedVersion} is given,
     * the user is still at that version. Returns the new version and the user's department; empty when nothing matched
     * (missing, deactivated, or at another version).
     */
    public Optional<SavedPreferences> savePreferences(Sql sql, UUID userId, String json, OptionalLong expectedVersion,
                                                      Instant now) {
        List<Object> params = new ArrayList<>(List.of(json, now, userId));
        expectedVersion.ifPresent(params::add);
        String versionCheck = expectedVersion.isPresent() ? " and u.version = ?" : "";
        return sql.queryOne("users.savePreferences", "update users u set preferences = cast(? as jsonb), "
                        + "version = u.version + 1, updated_at = ? where u.id = ? and u.active" + versionCheck
                        + " returning u.version, u.department",
                row -> new SavedPreferences(row.getLong("version"), row.getString("department")), params.toArray());
    }

    /** Runs a write, turning a duplicate e-mail, worker SID or client identity into a 409 that names the field. */
    private static <T> T uniquely(Supplier<T> write) {
        try {
            return write.get();
        } catch (ConflictError e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            String field = UNIQUE_FIELDS.getOrDefault(violatedConstraint(e), "a unique field");
            throw new ConflictError("users - " + field + " is already taken by another user", e);
        }
    }

    private static String violatedConstraint(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(Rows.uuid(row, "id"), row.getString("email"), row.getString("name"), row.getString("role"),
                row.getString("department"), row.getString("twilio_worker_sid"), row.getString("phone_number"),
                row.getString("client_identity"), row.getBoolean("active"), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"), row.getLong("version"));
    }
}
