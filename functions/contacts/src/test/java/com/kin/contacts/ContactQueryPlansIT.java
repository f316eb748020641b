package com.kin.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.Contact;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.core.page.Cursor;
import com.kin.data.contacts.ContactField;
import com.kin.data.contacts.ContactFilter;
import com.kin.data.contacts.ContactRepository;
import com.kin.data.contacts.ContactSort;
import com.kin.data.testing.CapturingSql;
import com.kin.testing.BulkLoader;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact statements the contacts API runs (ContactRepository's text and parameters, captured by {@link CapturingSql},
 * not copied) planned by Postgres over 100k contacts after ANALYZE, with sequential scans allowed: for every role, sort,
 * filter and page, and for the single-contact and bulk statements, contacts is read through an index and never
 * sequentially; the unfiltered pages of agents and admins are read in index order (no sort of the owner's contacts).
 */
class ContactQueryPlansIT {

    private static final int CONTACTS = 100_000;
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final ContactRepository REPOSITORY = new ContactRepository();
    /** Filters named for the failure message; the data is BulkLoader's (Smith is 2%, vip 1%, customer a third). */
    private static final Map<String, ContactFilter> FILTERS = new LinkedHashMap<>();

    private static DataSource ds;
    private static List<String> contactIndexes;
    private static Caller agent;
    private static Caller manager;
    private static Caller admin;
    private static UUID departmentColleague;
    private static List<UUID> bulkIds;

    @BeforeAll
    static void loadHundredThousandContacts() {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        List<UUID> owners = new ArrayList<>();
        for (int department = 0; department < 4; department++) {
            owners.addAll(loader.users(10, "agent", "dept-" + department));
        }
        UUID agentId = owners.get(10);
        agent = new Caller(agentId, "agent@example.com", Role.AGENT, "dept-1");
        manager = new Caller(loader.users(1, "manager", "dept-1").get(0), "m@example.com", Role.MANAGER, "dept-1");
        admin = new Caller(loader.users(1, "admin", null).get(0), "a@example.com", Role.ADMIN, null);
        departmentColleague = owners.get(11);
        assertThat(loader.contacts(CONTACTS, owners)).isEqualTo(CONTACTS);
        // A tag on 20 contacts in 100k: selective enough that only its GIN entry beats walking an ordered index.
        column(UUID.class, "update contacts set tags = tags || '{scarce}' where id in "
                + "(select id from contacts order by id limit 20) returning id");
        loader.analyze();
        contactIndexes = column(String.class,
                "select indexname from pg_indexes where schemaname = 'public' and tablename = 'contacts'");
        bulkIds = column(UUID.class, "select id from contacts where owner_id = ? order by updated_at limit 500", agentId);
        FILTERS.put("none", new ContactFilter(null, null, null));
        FILTERS.put("q=name", new ContactFilter("smith", null, null));
        FILTERS.put("q=phone", new ContactFilter("+15550004242", null, null));
        FILTERS.put("q=email", new ContactFilter("4242@example", null, null));
        FILTERS.put("tag=common", new ContactFilter(null, "customer", null));
        FILTERS.put("tag=rare", new ContactFilter(null, "vip", null));
        FILTERS.put("tag=scarce", new ContactFilter(null, "scarce", null));
        FILTERS.put("owner", new ContactFilter(null, null, agentId));
        FILTERS.put("owner=colleague", new ContactFilter(null, null, departmentColleague));
        FILTERS.put("q+tag", new ContactFilter("smith", "vip", null));
    }

    @Test
    void everyList_byRoleSortFilterAndPage_readsContactsThroughAnIndexOnly() {
        List<String> failures = new ArrayList<>();
        for (Caller caller : List.of(agent, manager, admin)) {
            for (ContactSort sort : ContactSort.values()) {
                for (Map.Entry<String, ContactFilter> filter : FILTERS.entrySet()) {
                    for (Cursor cursor : new Cursor[] {null, cursor(sort)}) {
                        String label = caller.role() + " sort=" + sort.wireName() + " " + filter.getKey()
                                + (cursor == null ? " first page" : " next page");
                        check(label, list(caller, filter.getValue(), sort, cursor), failures);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void agentPages_readTheOwnersIndexInOrder() {
        for (Cursor cursor : new Cursor[] {null, cursor(ContactSort.UPDATED)}) {
            assertOrderedBy("idx_contacts_owner_id_updated_at_id", list(agent, none(), ContactSort.UPDATED, cursor));
        }
        for (Cursor cursor : new Cursor[] {null, cursor(ContactSort.NAME)}) {
            assertOrderedBy("idx_contacts_owner_id_first_name_last_name_id", list(agent, none(), ContactSort.NAME, cursor));
        }
    }

    @Test
    void adminPages_readTheSortIndexInOrder() {
        assertOrderedBy("idx_contacts_updated_at_id", list(admin, none(), ContactSort.UPDATED, cursor(ContactSort.UPDATED)));
        assertOrderedBy("idx_contacts_first_name_last_name_id", list(admin, none(), ContactSort.NAME, cursor(ContactSort.NAME)));
        assertOrderedBy("idx_contacts_owner_id_updated_at_id",
                list(admin, FILTERS.get("owner"), ContactSort.UPDATED, cursor(ContactSort.UPDATED)));
    }

    @Test
    void searchAndTag_useTheirGinIndexes() {
        assertIndex("idx_contacts_owner_search_trgm", list(agent, FILTERS.get("q=phone"), ContactSort.UPDATED, null));
        // An admin has no owner to narrow by: either trigram index serves (the owner-first one through its trigram column).
        assertTrigram(list(admin, FILTERS.get("q=phone"), ContactSort.UPDATED, null));
        assertTrigram(list(admin, FILTERS.get("q=email"), ContactSort.NAME, null));
        assertTrigram(list(manager, FILTERS.get("q=phone"), ContactSort.UPDATED, null));
        assertIndex("idx_contacts_tags", list(admin, FILTERS.get("tag=scarce"), ContactSort.NAME, null));
        assertIndex("idx_contacts_tags", list(manager, FILTERS.get("tag=scarce"), ContactSort.UPDATED, null));
    }

    @Test
    void singleContactStatements_useThePrimaryKey() {
        UUID id = bulkIds.get(0);
        assertIndex("contacts_pkey", captured(sql -> REPOSITORY.find(sql, id)));
        for (Caller caller : List.of(agent, manager, admin)) {
            for (OptionalLong version : List.of(OptionalLong.empty(), OptionalLong.of(1))) {
                assertIndex("contacts_pkey", captured(sql -> REPOSITORY.update(sql, caller, id,
                        Map.of(ContactField.FIRST_NAME, "Grace", ContactField.SMS_OPT_OUT, true), version, NOW)));
                assertIndex("contacts_pkey", captured(sql -> REPOSITORY.update(sql, caller, id,
                        Map.of(ContactField.OWNER_ID, departmentColleague), version, NOW)));
                assertIndex("contacts_pkey", captured(sql -> REPOSITORY.delete(sql, caller, id, version)));
            }
        }
    }

    @Test
    void bulkStatements_useThePrimaryKey_forOneIdAndForFiveHundred() {
        assertThat(bulkIds).hasSize(BulkCommand.MAX_IDS);
        for (List<UUID> ids : List.of(bulkIds.subList(0, 1), bulkIds)) {
            Map<UUID, List<String>> tags = new LinkedHashMap<>();
            ids.forEach(id -> tags.put(id, List.of("vip", "follow-up")));
            assertIndex("contacts_pkey", captured(sql -> REPOSITORY.lockAll(sql, ids)));
            assertIndex("contacts_pkey", captured(sql -> REPOSITORY.deleteAll(sql, ids)));
            assertIndex("contacts_pkey", captured(sql -> REPOSITORY.setTags(sql, tags, NOW)));
            assertIndex("contacts_pkey", captured(sql -> REPOSITORY.reassign(sql, ids, departmentColleague, NOW)));
        }
    }

    private static void check(String label, CapturingSql.Statement statement, List<String> failures) {
        List<Explain.PlanNode> nodes = Explain.nodes(ds, statement.sql(), statement.params());
        boolean seqScan = nodes.stream().anyMatch(node -> node.isSeqScanOn("contacts"));
        boolean indexed = nodes.stream().anyMatch(node -> contactIndexes.contains(node.indexName()));
        if (seqScan || !indexed) {
            failures.add(label + ": " + nodes);
        }
    }

    /** The plan reads {@code index} and sorts nothing: the page comes off the index in the requested order. */
    private static void assertOrderedBy(String index, CapturingSql.Statement statement) {
        List<Explain.PlanNode> nodes = assertIndex(index, statement);
        assertThat(nodes).as("plan of " + statement.name())
                .noneMatch(node -> node.nodeType().equals("Sort") || node.nodeType().equals("Incremental Sort"));
    }

    private static void assertTrigram(CapturingSql.Statement statement) {
        Explain.assertNoSeqScan(ds, "contacts", statement.sql(), statement.params());
        assertThat(Explain.indexesUsed(ds, statement.sql(), statement.params()))
                .containsAnyOf("idx_contacts_search_text_trgm", "idx_contacts_owner_search_trgm");
    }

    private static List<Explain.PlanNode> assertIndex(String index, CapturingSql.Statement statement) {
        Explain.assertNoSeqScan(ds, "contacts", statement.sql(), statement.params());
        return Explain.assertUsesIndex(ds, index, statement.sql(), statement.params());
    }

    private static CapturingSql.Statement list(Caller caller, ContactFilter filter, ContactSort sort, Cursor cursor) {
        return captured(sql -> REPOSITORY.list(sql, caller, filter, sort, cursor, 26));
    }

    private static CapturingSql.Statement captured(Consumer<CapturingSql> statement) {
        CapturingSql sql = new CapturingSql();
        statement.accept(sql);
        return sql.last();
    }

    private static ContactFilter none() {
        return FILTERS.get("none");
    }

    private static <T> List<T> column(Class<T> type, String query, Object... params) {
        try (Connection connection = ds.getConnection(); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<T> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1, type));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + query, e);
        }
    }

    /** A cursor in the middle of the data, made the way the API makes one: from the last contact of a page. */
    private static Cursor cursor(ContactSort sort) {
        Instant updated = Instant.parse("2024-07-01T00:00:00Z");
        return sort.cursorOf(new Contact(UUID.fromString("80000000-0000-4000-8000-000000000000"), agent.userId(),
                "Grace", "Hopper", null, null, null, null, List.of(), false, null, null, updated, updated, 1));
    }
}
