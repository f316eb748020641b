package com.kin.local.seed;

import com.kin.local.auth.LocalUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo data of {@code --seed small}: the same rows on every run (a fixed random seed), dated relative to now.
 * Columns follow the migrations of infrastructure/db (V2 users ... V8 phone_numbers).
 */
final class DemoData {

    static final int CONTACTS_PER_AGENT = 500;
    static final int CONTACTS_OF_MANAGER = 200;
    static final int CALLS = 1500;
    static final int MESSAGES = 2000;
    static final int VOICEMAILS = 250;
    private static final long SEED = 20_240_601L;
    private static final int HISTORY_DAYS = 90;
    private static final Map<String, List<String>> NUMBERS = Map.of(
            "sales", List.of("+15550100001", "+15550100002"), "support", List.of("+15550100011", "+15550100012"));
    private static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Lucas", "Mia",
        "Ethan", "Amara", "Kenji", "Priya", "Omar", "Chloe", "Diego", "Hana", "Felix", "Zara", "Tomas"};
    private static final String[] LAST = {"Garcia", "Smith", "Nguyen", "Okafor", "Muller", "Rossi", "Tanaka", "Kowalski",
        "Haddad", "Silva", "Johnson", "Larsen", "Patel", "Dubois", "Murphy", "Kim", "Novak", "Costa", "Ali", "Brown"};
    private static final String[] ORGANIZATIONS = {"Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics",
        "Wayne Foods", "Hooli", "Vandelay Imports", null, null};
    private static final String[] TAGS = {"vip", "lead", "customer", "partner", "churn-risk", "newsletter", "billing"};

    private final Random random = new Random(SEED);
    private final Instant now;
    private final Map<String, Table> tables = new java.util.LinkedHashMap<>();
    private final List<Object[]> contacts = new ArrayList<>();

    DemoData(Instant now) {
        this.now = now;
    }

    List<Table> build() {
        users();
        phoneNumbers();
        contacts();
        List<UUID> templates = templates();
        List<Object[]> inboundMissed = calls();
        messages(templates);
        voicemails(inboundMissed);
        return List.copyOf(tables.values());
    }

    private Table table(String name, String... columns) {
        return tables.computeIfAbsent(name, key -> new Table(key, columns));
    }

    private void users() {
        Table users = table("users", "id", "email", "name", "role", "department", "client_identity", "created_at", "updated_at");
        for (LocalUser user : SeedUsers.ALL) {
            Instant created = now.minus(Duration.ofDays(HISTORY_DAYS + 30));
            users.add(user.id(), user.email(), user.name(), user.role(), user.department(),
                    user.email().substring(0, user.email().indexOf('@')), created, created);
        }
    }

    private void phoneNumbers() {
        Table numbers = table("phone_numbers", "number", "department", "label");
        NUMBERS.forEach((department, list) -> list.forEach(number -> numbers.add(number, department,
                department.substring(0, 1).toUpperCase() + department.substring(1) + " line " + (list.indexOf(number) + 1))));
    }

    private void contacts() {
        Table table = table("contacts", "id", "owner_id", "first_name", "last_name", "organization", "phone",
                "mobile_phone", "email", "tags", "sms_opt_out", "notes", "created_at", "updated_at");
        for (LocalUser owner : SeedUsers.ALL) {
            int count = owner.role().equals("agent") ? CONTACTS_PER_AGENT : owner.role().equals("manager") ? CONTACTS_OF_MANAGER : 0;
            for (int i = 0; i < count; i++) {
                String first = pick(FIRST);
                String last = pick(LAST);
                Instant created = past();
                Object[] row = {uuid(), owner.id(), first, last, pick(ORGANIZATIONS), phone(),
                    random.nextInt(3) == 0 ? phone() : null,
                    (first + "." + last + (i + 1) + "@example.com").toLowerCase(), tags(), random.nextInt(25) == 0,
                    random.nextInt(4) == 0 ? "Prefers a call after 3 pm." : null, created, later(created)};
                table.add(row);
                contacts.add(new Object[] {row[0], owner, row[5]});
            }
        }
    }

    private List<UUID> templates() {
        Table table = table("message_templates", "id", "name", "body", "variables", "created_by");
        String[][] bodies = {
            {"Appointment reminder", "Hi {{first_name}}, a reminder of your appointment on {{date}}.", "first_name,date"},
            {"Missed call", "Sorry we missed your call, {{first_name}}. We will call you back today.", "first_name"},
            {"Order shipped", "Good news {{first_name}}: order {{order}} has shipped.", "first_name,order"},
            {"Payment due", "Hi {{first_name}}, invoice {{invoice}} is due on {{date}}.", "first_name,invoice,date"},
            {"Welcome", "Welcome aboard, {{first_name}}! Reply STOP to opt out.", "first_name"},
            {"Survey", "How did we do today? Reply 1-5.", ""},
            {"Callback scheduled", "We will call you at {{time}}.", "time"},
            {"Holiday hours", "Our lines close at 2 pm on {{date}}.", "date"}};
        List<UUID> ids = new ArrayList<>();
        for (String[] body : bodies) {
            UUID id = uuid();
            ids.add(id);
            table.add(id, body[0], body[1], body[2].isEmpty() ? new String[0] : body[2].split(","),
                    SeedUsers.byEmail("manager@kin.local").orElseThrow().id());
        }
        return ids;
    }

    /** Returns the inbound calls nobody answered: the voicemails hang off them. */
    private List<Object[]> calls() {
        Table table = table("calls", "id", "direction", "status", "from_number", "to_number", "user_id", "contact_id",
                "twilio_call_sid", "status_sequence", "started_at", "answered_at", "ended_at", "duration_seconds",
                "recording_sid", "recording_url", "department", "created_at", "updated_at");
        List<Object[]> missed = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            Object[] contact = agentContact();
            LocalUser agent = (LocalUser) contact[1];
            String line = pick(NUMBERS.get(agent.department()).toArray(String[]::new));
            boolean inbound = random.nextBoolean();
            String status = weighted(new String[] {"completed", "no-answer", "busy", "failed", "canceled"}, 70, 15, 5, 5, 5);
            Instant started = past();
            boolean answered = status.equals("completed");
            int duration = answered ? 20 + random.nextInt(900) : 0;
            Instant answeredAt = answered ? started.plusSeconds(3 + random.nextInt(15)) : null;
            Instant ended = answered ? answeredAt.plusSeconds(duration) : started.plusSeconds(25);
            String recording = answered && random.nextInt(3) == 0 ? sid("RE") : null;
            Object[] row = {uuid(), inbound ? "inbound" : "outbound", status, inbound ? contact[2] : line,
                inbound ? line : contact[2], agent.id(), contact[0], sid("CA"), 3, started, answeredAt, ended,
                answered ? duration : null, recording, recording == null ? null : recordingUrl(recording),
                agent.department(), started, ended};
            table.add(row);
            if (inbound && !answered && missed.size() < VOICEMAILS) {
                missed.add(row);
            }
        }
        return missed;
    }

    private void messages(List<UUID> templates) {
        Table table = table("messages", "id", "direction", "status", "body", "from_number", "to_number", "user_id",
                "contact_id", "twilio_message_sid", "template_id", "error_code", "error_message", "sent_at",
                "delivered_at", "read_at", "created_at", "updated_at");
        String[] replies = {"Thanks!", "Can you call me back?", "What time works tomorrow?", "Yes, confirmed.",
            "Please send the invoice again.", "STOP", "Got it, see you then."};
        for (int i = 0; i < MESSAGES; i++) {
            Object[] contact = agentContact();
            LocalUser agent = (LocalUser) contact[1];
            String line = NUMBERS.get(agent.department()).get(0);
            boolean inbound = random.nextInt(3) == 0;
            Instant sent = past();
            String status = inbound ? weighted(new String[] {"received", "read"}, 40, 60)
                    : weighted(new String[] {"delivered", "sent", "undelivered", "failed"}, 80, 10, 5, 5);
            boolean failed = status.equals("failed") || status.equals("undelivered");
            UUID template = !inbound && random.nextInt(5) == 0 ? templates.get(random.nextInt(templates.size())) : null;
            table.add(uuid(), inbound ? "inbound" : "outbound", status,
                    inbound ? pick(replies) : "Hi, this is " + agent.name() + " from KIN. " + pick(replies),
                    inbound ? contact[2] : line, inbound ? line : contact[2], agent.id(), contact[0], sid("SM"), template,
                    failed ? 30003 : null, failed ? "Unreachable destination handset" : null, sent,
                    status.equals("delivered") ? sent.plusSeconds(2) : null, status.equals("read") ? later(sent) : null,
                    sent, sent);
        }
    }

    private void voicemails(List<Object[]> missedCalls) {
        Table table = table("voicemails", "id", "call_id", "contact_id", "assigned_to_id", "department", "priority",
                "from_number", "read_at", "recording_sid", "recording_url", "transcription", "transcription_sid",
                "duration_seconds", "created_at", "updated_at");
        for (Object[] call : missedCalls) {
            String recording = sid("RE");
            Instant left = ((Instant) call[11]).plusSeconds(5);
            table.add(uuid(), call[0], call[6], call[5], call[15],
                    weighted(new String[] {"normal", "low", "high", "urgent"}, 60, 15, 20, 5), call[3],
                    random.nextBoolean() ? later(left) : null, recording, recordingUrl(recording),
                    "Hi, it's about my account, please call me back when you can.", sid("TR"),
                    5 + random.nextInt(90), left, left);
        }
    }

    private Object[] agentContact() {
        Object[] contact;
        do {
            contact = contacts.get(random.nextInt(contacts.size()));
        } while (!((LocalUser) contact[1]).role().equals("agent"));
        return contact;
    }

    private String[] tags() {
        int count = random.nextInt(3);
        return random.ints(count, 0, TAGS.length).distinct().mapToObj(i -> TAGS[i]).toArray(String[]::new);
    }

    private String weighted(String[] values, int... weights) {
        int roll = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String phone() {
        return "+1555" + (1_000_000 + random.nextInt(9_000_000));
    }

    private Instant past() {
        return now.minusSeconds(random.nextInt(HISTORY_DAYS * 24 * 3600));
    }

    private Instant later(Instant instant) {
        long room = Math.max(1, Duration.between(instant, now).getSeconds());
        return instant.plusSeconds(Math.floorMod(random.nextLong(), room));
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** A Twilio SID: two letters and 32 hex digits. */
    private String sid(String prefix) {
        return prefix + uuid().toString().replace("-", "");
    }

    private static String recordingUrl(String recordingSid) {
        return "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/" + recordingSid;
    }
}
