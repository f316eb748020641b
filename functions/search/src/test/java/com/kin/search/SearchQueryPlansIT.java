package com.kin.search;

import com.kin.data.testing.CapturingSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.data.search.SearchRepository;
import com.kin.testing.BulkLoader;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements {@link SearchRepository} builds, EXPLAINed with their real parameters at 100k contacts, 100k messages and
 * 100k voicemails after ANALYZE, with enable_seqscan on, for an agent, a manager and an admin.
 *
 * <p><b>Selective terms</b> (one row to a fifth of the rows: every fifth message and voicemail mentions an invoice, see
 * {@link BulkLoader}) are read through an index. For messages and voicemails, an agent's and an admin's through the
 * kind's search index (V14), which holds the columns an agent's visibility reads as well as the text; a manager's
 * visibility (its department's users, a subquery) is not in that index, so for a manager any index of the table will do.
 * Contacts have the trigram index, which admins read through, and the owner + trigram index (V16), which narrows an
 * agent's search to its own contacts; agents and managers read through either or their owner index.
 * <b>Dense terms</b>, which most rows contain, may be answered by reading the table in order: the candidate cap
 * ({@link SearchRepository#CANDIDATES}) stops that read after a few hundred rows, so it is asserted that any sequential
 * read sits directly under that cap and is never a read of the whole table. The plans are printed to the test output.
 */
class SearchQueryPlansIT {

    private static final int ROWS = 100_000;
    /**
     * A handful of rows each: Ada Lovelace number 100, 1000, 10000 and 100000; one phone number; no row at all. Names
     * alone ("lovelace" is 2% of the contacts, "ada lovelace" 1%) are dense terms: see {@link #DENSE_CONTACT_TERMS}.
     */
    private static final List<String> CONTACT_TERMS = List.of("ada.lovelace100", "+15550012345", "lovelace1234");
    private static final List<String> TEXT_TERMS = List.of("1234", "appointment confirmed", "invoice 1234");
    /**
     * In every contact ("Organization N", "+1555..."), or in 1 to 2% of them ("lovelace", "ada lovelace"): there the
     * planner's estimate sits where an in-order read under the cap (about 10k rows) and the trigram index cost the same,
     * and which one ANALYZE's sample favours changes from run to run, so these are held to the bound, not to one plan.
     */
    private static final List<String> DENSE_CONTACT_TERMS = List.of("organization 4", "+1555000", "lovelace", "ada lovelace");
    /**
     * "invoice" is in a fifth of the rows: close to where the planner's choice flips between the GIN index and an
     * in-order read under the cap (both cheap), so it is held to the bound, not to one plan.
     */
    private static final List<String> DENSE_TEXT_TERMS = List.of("call me back", "please", "invoice");

    private static DataSource ds;
    private static List<Caller> callers;

    @BeforeAll
    static void load() {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        List<UUID> agents = new ArrayList<>();
        for (int department = 0; department < 4; department++) {
            agents.addAll(loader.users(25, "agent", "dept-" + department));
        }
        assertThat(loader.contacts(ROWS, agents)).isEqualTo(ROWS);
        assertThat(loader.messages(ROWS, agents)).isEqualTo(ROWS);
        assertThat(loader.voicemails(ROWS, agents)).isEqualTo(ROWS);
        loader.analyze();
        callers = List.of(new Caller(agents.get(3), null, Role.AGENT, "dept-0"),
                new Caller(UUID.randomUUID(), null, Role.MANAGER, "dept-1"),
                new Caller(UUID.randomUUID(), null, Role.ADMIN, null));
    }

    @Test
    void contactSearch_selectiveTerms_readThroughIndexes_adminsThroughATrigramIndex() {
        for (Caller caller : callers) {
            for (String term : CONTACT_TERMS) {
                // With no owner to narrow by, V9's trigram index and V16's (owner first) cost the same: either will do.
                assertIndexed(contacts(caller, term), caller, "contacts",
                        List.of("idx_contacts_search_text_trgm", "idx_contacts_owner_search_trgm"), caller.isAdmin());
            }
        }
    }

    @Test
    void messageSearch_selectiveTerms_readThroughIndexes_agentsAndAdminsThroughTheSearchIndex() {
        for (Caller caller : callers) {
            for (String term : TEXT_TERMS) {
                assertIndexed(messages(caller, term), caller, "messages", List.of("idx_messages_search"),
                        caller.role() != Role.MANAGER);
            }
        }
    }

    @Test
    void voicemailSearch_selectiveTerms_readThroughIndexes_agentsAndAdminsThroughTheSearchIndex() {
        for (Caller caller : callers) {
            for (String term : TEXT_TERMS) {
                assertIndexed(voicemails(caller, term), caller, "voicemails", List.of("idx_voicemails_search"),
                        caller.role() != Role.MANAGER);
            }
        }
    }

    @Test
    void denseTerms_neverReadAWholeTable_anyInOrderReadStopsAtTheCandidateCap() {
        for (Caller caller : callers) {
            DENSE_CONTACT_TERMS.forEach(term -> assertBounded(contacts(caller, term), "contacts"));
            for (String term : DENSE_TEXT_TERMS) {
                assertBounded(messages(caller, term), "messages");
                assertBounded(voicemails(caller, term), "voicemails");
            }
        }
    }

    private static CapturingSql contacts(Caller caller, String term) {
        CapturingSql sql = new CapturingSql();
        new SearchRepository().contacts(sql, caller, term, 5);
        return sql;
    }

    private static CapturingSql messages(Caller caller, String term) {
        CapturingSql sql = new CapturingSql();
        new SearchRepository().messages(sql, caller, term, 5);
        return sql;
    }

    private static CapturingSql voicemails(Caller caller, String term) {
        CapturingSql sql = new CapturingSql();
        new SearchRepository().voicemails(sql, caller, term, 5);
        return sql;
    }

    /**
     * The plan reads {@code table} through one of its indexes and never sequentially; through one of {@code searchIndexes}
     * when {@code throughSearchIndex} (the callers whose visibility that index can narrow, or who have none to narrow).
     */
    private static void assertIndexed(CapturingSql sql, Caller caller, String table, List<String> searchIndexes,
                                      boolean throughSearchIndex) {
        List<Explain.PlanNode> nodes = Explain.assertNoSeqScan(ds, table, sql.statement(), sql.params());
        print(sql, nodes);
        List<String> indexes = nodes.stream().map(Explain.PlanNode::indexName).filter(name -> name != null).toList();
        if (throughSearchIndex) {
            assertThat(indexes).as(nodes.toString()).containsAnyElementsOf(searchIndexes);
        } else {
            assertThat(indexes).as(nodes.toString()).anyMatch(name -> name.startsWith("idx_" + table + "_"));
        }
    }

    /** Any sequential read of {@code table} is the child of a Limit: the candidate cap, which ends the read early. */
    private static void assertBounded(CapturingSql sql, String table) {
        List<Explain.PlanNode> nodes = Explain.nodes(ds, sql.statement(), sql.params());
        print(sql, nodes);
        for (int i = 1; i < nodes.size(); i++) {
            if (nodes.get(i).isSeqScanOn(table)) {
                assertThat(nodes.get(i - 1).nodeType()).as(nodes.toString()).isEqualTo("Limit");
            }
        }
        assertThat(sql.params()).as("the candidate cap is bound").contains(SearchRepository.CANDIDATES);
    }

    /** Prints the plan into the test output, where a reader can see what the planner chose. */
    private static void print(CapturingSql sql, List<Explain.PlanNode> nodes) {
        System.out.println("plan " + nodes + "\n  for " + Arrays.toString(sql.params()));
    }
}
