package com.kin.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Each function's sample event (events/NAME/FILE) pointed at rows that exist in the local seed (the samples' ids are
 * documentation ids) and that the sample's caller may see, so that both the function and its floor answer 200 from the
 * same work. GETs by id get a visible row; search, health and metrics have no id and only get the caller's seed id.
 */
final class SampleEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The event file, and the seed's user with the sample caller's e-mail ({@code ?}) with a row that user may read:
     * (user id, row id), the row id null for an event without a path id. The seed's ids are its own, so the event's sub
     * claim is replaced too.
     */
    private record Sample(String file, String seedRow) {
    }

    private static final String CALLER_ONLY = "select u.id, null from users u where u.email = ?";

    /**
     * The small seed has no bulk SMS job: one is created for the caller, with up to five of its contacts queued, so the
     * progress read counts recipient rows.
     */
    private static final String BULK_SMS_JOB = "with u as (select id from users where email = ?), "
            + "j as (insert into bulk_sms_jobs (created_by, body) select id, 'Cold start sample job' from u "
            + "returning id, created_by), "
            + "r as (insert into bulk_sms_recipients (job_id, contact_id, status) select j.id, c.id, 'queued' from j "
            + "join contacts c on c.owner_id = j.created_by order by c.id limit 5 returning job_id) "
            + "select j.created_by, j.id from j";

    private static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry("contacts", new Sample("get.json", "select u.id, c.id from users u join contacts c "
                    + "on c.owner_id = u.id where u.email = ? order by c.id limit 1")),
            Map.entry("templates", new Sample("get.json", "select u.id, t.id from users u cross join message_templates t "
                    + "where u.email = ? order by t.id limit 1")),
            Map.entry("calls", new Sample("get.json", "select u.id, c.id from users u join calls c on c.user_id = u.id "
                    + "where u.email = ? order by c.id limit 1")),
            Map.entry("voicemails", new Sample("get.json", "select u.id, v.id from users u join voicemails v "
                    + "on v.assigned_to_id = u.id or (v.assigned_to_id is null and v.department = u.department) "
                    + "where u.email = ? order by v.id limit 1")),
            // the sample's caller is an admin, who may read any user
            Map.entry("users", new Sample("get.json", "select u.id, x.id from users u cross join users x "
                    + "where u.email = ? order by x.id limit 1")),
            // a message the caller sent or took (its user), so visible whatever its contact
            Map.entry("messages", new Sample("get.json", "select u.id, m.id from users u join messages m "
                    + "on m.user_id = u.id where u.email = ? order by m.id limit 1")),
            Map.entry("bulk-sms", new Sample("get.json", BULK_SMS_JOB)),
            Map.entry("search", new Sample("search.json", CALLER_ONLY)),
            Map.entry("health", new Sample("health.json", CALLER_ONLY)),
            Map.entry("metrics", new Sample("get.json", CALLER_ONLY)));

    private SampleEvents() {
    }

    static byte[] get(Path eventsDirectory, String function, LocalServices services) throws IOException, SQLException {
        Sample sample = SAMPLES.get(function);
        if (sample == null) {
            throw new IllegalArgumentException("coldstart - the bench knows no sample event for " + function);
        }
        String json = Files.readString(eventsDirectory.resolve(function).resolve(sample.file()));
        var event = JSON.readTree(json);
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        String[] ids = visibleIds(services, sample.seedRow(), claims.path("email").asText());
        String pointed = json.replace(claims.path("sub").asText(), ids[0]);
        String sampleId = pathId(event);
        if (sampleId.isEmpty()) {
            return pointed.getBytes(StandardCharsets.UTF_8);
        }
        if (ids[1] == null) {
            throw new IllegalStateException("coldstart - events/" + function + "/" + sample.file() + " has a path id "
                    + "but the bench knows no row for it");
        }
        return pointed.replace(sampleId, ids[1]).getBytes(StandardCharsets.UTF_8);
    }

    /** The event's one path parameter ({id}, {jobId}), or "" when it has none. */
    static String pathId(JsonNode event) {
        JsonNode parameters = event.path("pathParameters");
        return parameters.size() == 1 ? parameters.elements().next().asText() : "";
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
