package com.kin.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Inserts many synthetic rows with one {@code INSERT ... SELECT ... FROM generate_series} per table.
 *
 * <p>The data is deterministic in shape (the same n gives the same distribution) and skewed the way real data is:
 * <ul>
 *   <li>contacts: 50 surnames (so "Smith" is 2%), 1% tagged {@code vip}, a third {@code customer}, a fifth
 *       {@code lead}; updated_at scattered over a year independently of insertion order;</li>
 *   <li>calls: spread evenly over the given users and all contacts, half inbound;</li>
 *   <li>messages: concentrated on at most 400 contacts, so threads are ~n/400 messages long;</li>
 *   <li>voicemails: spread over the given assignees, 10% unread;</li>
 *   <li>calls and voicemails belong to departments of unequal size: {@code dept-0} 50%, {@code dept-1} 30%,
 *       {@code dept-2} 19%, {@code dept-3} 1%.</li>
 * </ul>
 * Call {@link #analyze()} after loading so the planner sees the new row counts and distributions.
 */
public final class BulkLoader {

    /** Departments of unequal size, as real teams are; substituted for {department} in the statements below. */
    private static final String DEPARTMENT = "case when g % 100 < 50 then 'dept-0' when g % 100 < 80 then 'dept-1' "
            + "when g % 100 < 99 then 'dept-2' else 'dept-3' end";

    private static final String USERS = """
            insert into users (email, name, role, department)
            select 'bulk-' || gen_random_uuid() || '@example.com', 'Bulk User ' || g, ?, ?
              from generate_series(1, ?) as g
            returning id""";

    private static final String CONTACTS = """
            with p as (select cast(? as uuid[]) as owners)
            insert into contacts (owner_id, first_name, last_name, organization, phone, mobile_phone, email, tags,
                                  created_at, updated_at)
            select p.owners[1 + g % cardinality(p.owners)], n.first_name, n.last_name, 'Organization ' || (g % 500),
                   '+1555' || lpad((g % 10000000)::text, 7, '0'), '+1444' || lpad((g % 10000000)::text, 7, '0'),
                   lower(n.first_name || '.' || n.last_name || g || '@example.com'),
                   array_remove(array[case when g % 100 = 0 then 'vip' end,
                                      case when g % 3 = 0 then 'customer' end,
                                      case when g % 5 = 0 then 'lead' end], null),
                   t.created_at, t.created_at + ((g * 7919) % 525600) * interval '1 minute'
              from p, generate_series(1, ?) as g,
                   lateral (select timestamptz '2024-01-01 00:00:00+00' + g * interval '5 minutes' as created_at) t,
                   lateral (select (array['Ada','Grace','Alan','Linus','Barbara','Ken','Margaret','Dennis','Frances',
                                          'John','Radia','Tim','Sophie','Edsger','Hedy','Donald','Karen','Niklaus',
                                          'Mary','Bjarne'])[1 + g % 20] as first_name,
                                   (array['Lovelace','Hopper','Turing','Torvalds','Liskov','Thompson','Hamilton',
                                          'Ritchie','Allen','Backus','Perlman','Berners','Wilson','Dijkstra',
                                          'Lamarr','Knuth','Jones','Wirth','Shaw','Stroustrup','Kay','Codd',
                                          'Gray','Hoare','Milner','Floyd','Rivest','Shamir','Adleman','Diffie',
                                          'Hellman','Lamport','Valiant','Yao','Karp','Cook','Rabin','Scott',
                                          'Minsky','McCarthy','Newell','Simon','Hartmanis','Stearns','Tarjan',
                                          'Hopcroft','Ullman','Aho','Cerf','Smith'])[1 + (g * 7) % 50]
                               as last_name) n""";

    private static final String CALLS = """
            with p as (select cast(? as uuid[]) as users),
                 c as (select array_agg(id) as ids from contacts)
            insert into calls (direction, status, from_number, to_number, user_id, contact_id, twilio_call_sid,
                               status_sequence, started_at, answered_at, ended_at, duration_seconds, department,
                               created_at, updated_at)
            select case when g % 2 = 0 then 'inbound' else 'outbound' end,
                   (array['completed','completed','completed','no-answer','busy','failed','canceled'])[1 + g % 7],
                   '+1555' || lpad((g % 10000000)::text, 7, '0'), '+1666' || lpad((g % 1000)::text, 7, '0'),
                   p.users[1 + g % cardinality(p.users)], c.ids[1 + (g * 31) % cardinality(c.ids)],
                   'CA' || replace(gen_random_uuid()::text, '-', ''), 3,
                   t.at, t.at + interval '5 seconds', t.at + (5 + g % 600) * interval '1 second', g % 600,
                   {department}, t.at, t.at + (5 + g % 600) * interval '1 second'
              from p, c, generate_series(1, ?) as g,
                   lateral (select timestamptz '2024-01-01 00:00:00+00' + g * interval '3 minutes' as at) t"""
            .replace("{department}", DEPARTMENT);

    private static final String MESSAGES = """
            with p as (select cast(? as uuid[]) as users),
                 c as (select array_agg(id) as ids
                         from (select id from contacts order by id limit 400) as thread_contacts)
            insert into messages (direction, status, body, from_number, to_number, user_id, contact_id,
                                  twilio_message_sid, sent_at, delivered_at, read_at, created_at, updated_at)
            select case when g % 2 = 0 then 'inbound' else 'outbound' end,
                   case when g % 2 = 0 then 'received' else 'delivered' end,
                   (array['Thanks for calling us','Your appointment is confirmed','Can you call me back',
                          'Invoice attached','Running late, be there soon'])[1 + g % 5] || ' #' || g,
                   '+1555' || lpad((g % 10000000)::text, 7, '0'), '+1666' || lpad((g % 1000)::text, 7, '0'),
                   p.users[1 + g % cardinality(p.users)], c.ids[1 + (g * 31) % cardinality(c.ids)],
                   'SM' || replace(gen_random_uuid()::text, '-', ''),
                   t.at, t.at + interval '2 seconds', case when g % 4 = 0 then null else t.at + interval '1 hour' end,
                   t.at, t.at + interval '2 seconds'
              from p, c, generate_series(1, ?) as g,
                   lateral (select timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute' as at) t""";

    private static final String VOICEMAILS = """
            with p as (select cast(? as uuid[]) as assignees),
                 c as (select array_agg(id) as ids from contacts)
            insert into voicemails (contact_id, assigned_to_id, department, priority, from_number, read_at,
                                    recording_sid, recording_url, transcription, transcription_sid, duration_seconds,
                                    created_at, updated_at)
            select c.ids[1 + (g * 31) % cardinality(c.ids)], p.assignees[1 + g % cardinality(p.assignees)],
                   {department}, (array['low','normal','normal','high','urgent'])[1 + g % 5],
                   '+1555' || lpad((g % 10000000)::text, 7, '0'),
                   case when g % 10 = 0 then null else t.at + interval '1 hour' end,
                   r.sid, 'https://api.twilio.com/2010-04-01/Recordings/' || r.sid,
                   'Hi, this is caller ' || g || ', please call me back about my '
                       || (array['invoice','order','appointment','delivery','account'])[1 + g % 5],
                   'TR' || replace(gen_random_uuid()::text, '-', ''), g % 120, t.at, t.at + interval '1 hour'
              from p, c,
                   (select g, 'RE' || replace(gen_random_uuid()::text, '-', '') as sid
                      from generate_series(1, ?) as g) as r,
                   lateral (select timestamptz '2024-01-01 00:00:00+00' + g * interval '4 minutes' as at) t"""
            .replace("{department}", DEPARTMENT);

    /** Below this many rows, maintaining indexes row by row is cheaper than rebuilding them. */
    private static final int DEFER_INDEXES_FROM_ROWS = 10_000;

    private final DataSource dataSource;

    public BulkLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts {@code count} users of one role and department and returns their ids. */
    public List<UUID> users(int count, String role, String department) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = Jdbc.prepare(connection, USERS, role, department, count);
             ResultSet rows = statement.executeQuery()) {
            List<UUID> ids = new ArrayList<>(count);
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("bulk loader - failed to insert " + count + " users", e);
        }
    }

    /** Inserts {@code count} contacts owned round-robin by {@code owners}. */
    public int contacts(int count, List<UUID> owners) {
        return insert("contacts", CONTACTS, count, owners);
    }

    /** Inserts {@code count} calls made round-robin by {@code users}, linked to existing contacts. */
    public int calls(int count, List<UUID> users) {
        return insert("calls", CALLS, count, users);
    }

    /** Inserts {@code count} messages sent round-robin by {@code users}, threaded on up to 400 contacts. */
    public int messages(int count, List<UUID> users) {
        return insert("messages", MESSAGES, count, users);
    }

    /** Inserts {@code count} voicemails assigned round-robin to {@code assignees}, linked to existing contacts. */
    public int voicemails(int count, List<UUID> assignees) {
        return insert("voicemails", VOICEMAILS, count, assignees);
    }

    /** Refreshes planner statistics of every table in the public schema. */
    public void analyze() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("analyze " + String.join(", ", TestDatabase.domainTables(statement)));
        } catch (SQLException e) {
            throw new IllegalStateException("bulk loader - failed to analyze the domain tables", e);
        }
    }

    private int insert(String table, String sql, int count, List<UUID> people) {
        if (people.isEmpty()) {
            throw new IllegalArgumentException("bulk loader - " + table + " need at least one user id");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int inserted = insertDeferringIndexes(connection, table, sql, count, people);
                connection.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk loader - failed to insert " + count + " " + table, e);
        }
    }

    private static int insertDeferringIndexes(Connection connection, String table, String sql, int count,
                                              List<UUID> people) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("set local maintenance_work_mem = '256MB'");
        }
        DeferredIndexes indexes = count >= DEFER_INDEXES_FROM_ROWS ? DeferredIndexes.drop(connection, table) : null;
        int inserted;
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, people.toArray(UUID[]::new), count)) {
            inserted = statement.executeUpdate();
        }
        if (indexes != null) {
            indexes.rebuild(connection);
        }
        return inserted;
    }
}
