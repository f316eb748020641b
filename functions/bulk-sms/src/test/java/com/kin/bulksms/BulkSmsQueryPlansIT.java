package com.kin.bulksms;

import com.kin.data.testing.CapturingSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.data.bulksms.BulkSmsJobRepository;
import com.kin.data.bulksms.BulkSmsRecipientRepository;
import com.kin.data.bulksms.RecipientStatus;
import com.kin.data.bulksms.SentMessage;
import com.kin.testing.BulkLoader;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements the bulk SMS repositories build (the API's and the worker's), EXPLAINed with their real parameters at
 * 100k contacts, 20k jobs and 100k recipient rows in ten of them, after ANALYZE: every one reads through an index.
 */
class BulkSmsQueryPlansIT {

    private static final int CONTACTS = 100_000;
    private static final String JOBS = """
            insert into bulk_sms_jobs (created_by, body)
            select (array_agg(u.id order by u.id))[1 + g % 20], 'Hello {{firstName}}'
              from users u, generate_series(0, 9) g group by g""";
    /** Past jobs, so that the jobs table is not small enough to read whole. */
    private static final String PAST_JOBS = """
            insert into bulk_sms_jobs (created_by, body, status, completed_at)
            select (array_agg(u.id order by u.id))[1 + g % 20], 'Earlier news', 'completed', now()
              from users u, generate_series(1, 20000) g group by g""";
    /** Each of the ten newest jobs gets every tenth contact; 1% of the rows are still queued, the rest sent. */
    private static final String RECIPIENTS = """
            insert into bulk_sms_recipients (job_id, contact_id, status, message_id)
            select j.id, c.id, case when c.n % 100 = 0 then 'queued' else 'sent' end,
                   case when c.n % 100 = 0 then null else gen_random_uuid() end
              from (select id, row_number() over (order by id) as n from contacts) c
              join (select id, row_number() over (order by id) as k from bulk_sms_jobs where status = 'in_progress') j
                on j.k = 1 + c.n % 10""";

    private static DataSource ds;
    private static BulkSmsData data;
    private static UUID job;
    private static Caller agent;
    private static Caller manager;
    private static Caller admin;
    private static List<UUID> someContacts;

    @BeforeAll
    static void load() {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        data = new BulkSmsData(ds);
        BulkLoader loader = new BulkLoader(ds);
        List<UUID> agents = new ArrayList<>(loader.users(10, "agent", "dept-0"));
        agents.addAll(loader.users(10, "agent", "dept-1"));
        assertThat(loader.contacts(CONTACTS, agents)).isEqualTo(CONTACTS);
        assertThat(data.execute(JOBS)).isEqualTo(10);
        assertThat(data.execute(RECIPIENTS)).isEqualTo(CONTACTS);
        assertThat(data.execute(PAST_JOBS)).isEqualTo(20_000);
        loader.analyze();
        job = (UUID) data.value("select id from bulk_sms_jobs where status = 'in_progress' order by id limit 1");
        UUID creator = (UUID) data.value("select created_by from bulk_sms_jobs where id = ?", job);
        agent = new Caller(creator, null, Role.AGENT, "dept-0");
        manager = new Caller(UUID.randomUUID(), null, Role.MANAGER, "dept-0");
        admin = new Caller(UUID.randomUUID(), null, Role.ADMIN, null);
        someContacts = data.column("select contact_id from bulk_sms_recipients where job_id = ? limit 25", job).stream()
                .map(UUID.class::cast).toList();
    }

    @Test
    void progress_readsTheJobAndItsRecipientsThroughTheirKeys() {
        for (Caller caller : List.of(agent, manager, admin)) {
            CapturingSql sql = new CapturingSql();
            new BulkSmsJobRepository().progress(sql, caller, job, Instant.now().minusSeconds(300));
            assertNoSeqScans(sql, "bulk_sms_jobs", "bulk_sms_recipients");
        }
    }

    @Test
    void completionCheck_probesTheUnfinishedRecipientsIndex() {
        CapturingSql sql = new CapturingSql();
        new BulkSmsJobRepository().completeIfSettled(sql, job, Instant.now().minusSeconds(300), Instant.now());

        Explain.assertUsesIndex(ds, "idx_bulk_sms_recipients_job_id_unfinished", sql.statement(), sql.params());
        assertNoSeqScans(sql, "bulk_sms_jobs", "bulk_sms_recipients");
    }

    @Test
    void jobCreation_findsContactsByIdOrTag_throughIndexes() {
        List<UUID> ids = data.column("select id from contacts where owner_id = ? limit 500", agent.userId()).stream()
                .map(UUID.class::cast).toList();
        for (Caller caller : List.of(agent, manager, admin)) {
            CapturingSql byIds = new CapturingSql();
            new BulkSmsJobRepository().addContacts(byIds, caller, job, ids, Instant.now());
            Explain.assertUsesIndex(ds, "contacts_pkey", byIds.statement(), byIds.params());
            assertNoSeqScans(byIds, "contacts");

            CapturingSql byTag = new CapturingSql();
            new BulkSmsJobRepository().addTagged(byTag, caller, job, "vip", 10_001, Instant.now());
            assertNoSeqScans(byTag, "contacts");
        }
    }

    @Test
    void workerStatements_readAndMoveOneRecipientThroughAnIndex() {
        BulkSmsRecipientRepository recipients = new BulkSmsRecipientRepository();
        UUID contact = someContacts.get(0);
        // The batch read may equally probe by contact (each contact is in few jobs): any index will do.
        assertNoSeqScans(capture(sql -> recipients.targets(sql, job, someContacts)), "bulk_sms_recipients", "contacts");
        List<CapturingSql> statements = new ArrayList<>();
        statements.add(capture(sql -> recipients.claim(sql, job, contact, Instant.now())));
        statements.add(capture(sql -> recipients.fail(sql, job, contact, "21211", Instant.now())));
        statements.add(capture(sql -> recipients.settleQueued(sql, job, contact, RecipientStatus.SKIPPED_OPT_OUT, null,
                Instant.now())));
        statements.add(capture(sql -> recipients.recordSent(sql, new SentMessage(job, contact, UUID.randomUUID(),
                agent.userId(), null, "Hello", "+15017122661", "+15550100001", "SM0123", "queued", Instant.now()))));
        for (CapturingSql sql : statements) {
            // The primary key, or the contact index when a contact is in few jobs: both find the one row.
            assertThat(Explain.indexesUsed(ds, sql.statement(), sql.params())).as(sql.statement())
                    .anyMatch(name -> name.equals("bulk_sms_recipients_pkey")
                            || name.equals("idx_bulk_sms_recipients_contact_id"));
            assertNoSeqScans(sql, "bulk_sms_recipients", "contacts");
        }
    }

    private static CapturingSql capture(java.util.function.Consumer<CapturingSql> statement) {
        CapturingSql sql = new CapturingSql();
        statement.accept(sql);
        return sql;
    }

    /** Also prints the plan into the test output, where a reader can see what the planner chose. */
    private static void assertNoSeqScans(CapturingSql sql, String... tables) {
        for (String table : tables) {
            Explain.assertNoSeqScan(ds, table, sql.statement(), sql.params());
        }
        System.out.println("plan " + Explain.nodes(ds, sql.statement(), sql.params()) + "\n  for " + sql.statement());
    }
}
