package com.kin.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.services.LocalServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * events/NAME/get.json pointed at a row that exists in the local seed (the samples' ids are documentation ids) and
 * that the sample's caller may see, so that both the function and its floor answer 200 from a database read.
 */
final class SampleEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The seed's user with the sample caller's e-mail ({@code ?}), and a row that user may read: (user id, row id).
     * The seed's ids are its own, so the event's sub claim is replaced too.
     */
    private static final Map<String, String> VISIBLE_ROW = Map.of(
            "contacts", "select u.id, c.id from users u join contacts c on c.owner_id = u.id where u.email = ? "
                    + "order by c.id limit 1",
            "templates", "select u.id, t.id from users u cross join message_templates t where u.email = ? "
                    + "order by t.id limit 1",
            "calls", "select u.id, c.id from users u join calls c on c.user_id = u.id where u.email = ? "
                    + "order by c.id limit 1",
            "voicemails", "select u.id, v.id from users u join voicemails v on v.assigned_to_id = u.id "
                    + "or (v.assigned_to_id is null and v.department = u.department) where u.email = ? order by v.id limit 1",
            // the sample's caller is an admin, who may read any user
            "users", "select u.id, x.id from users u cross join users x where u.email = ? order by x.id limit 1");

    private SampleEvents() {
    }

    static byte[] get(Path eventsDirectory, String function, LocalServices services) throws IOException, SQLException {
        String json = Files.readString(eventsDirectory.resolve(function).resolve("get.json"));
        var event = JSON.readTree(json);
        String sampleId = event.path("pathParameters").path("id").asText();
        var claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        String sub = claims.path("sub").asText();
        String sql = VISIBLE_ROW.get(function);
        if (sampleId.isEmpty() || sql == null) {
            throw new IllegalArgumentException("coldstart - events/" + function + "/get.json has no {id} path parameter "
                    + "or the bench knows no row for it");
        }
        String[] ids = visibleIds(services, sql, claims.path("email").asText());
        return json.replace(sub, ids[0]).replace(sampleId, ids[1]).getBytes(StandardCharsets.UTF_8);
    }

    private static String[] visibleIds(LocalServices services, String sql, String email) throws SQLException {
        try (Connection connection = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("coldstart - the seed has no row for: " + sql + " (caller " + email + ")");
                }
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        }
    }
}
