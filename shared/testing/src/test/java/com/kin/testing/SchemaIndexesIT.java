package com.kin.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrated schema carries every index of the performance guide (matched by leading columns, so an index
 * extended with a keyset tie-breaker still counts), and every secondary index, whichever migration adds it, is
 * named after its table, documents the query it serves and does not repeat another index.
 */
class SchemaIndexesIT {

    private static final String INDEXES = """
            select t.relname, i.relname, am.amname, x.indisunique, x.indpred is not null,
                   array(select pg_get_indexdef(x.indexrelid, k, true) from generate_series(1, x.indnkeyatts) k),
                   pg_get_indexdef(x.indexrelid), obj_description(x.indexrelid, 'pg_class')
              from pg_index x
              join pg_class i on i.oid = x.indexrelid
              join pg_class t on t.oid = x.indrelid
              join pg_namespace n on n.oid = t.relnamespace
              join pg_am am on am.oid = i.relam
             where n.nspname = 'public' and t.relname <> 'flyway_schema_history'""";

    record Index(String table, String name, String method, boolean unique, boolean partial, List<String> columns,
                 String definition, String comment) {

        boolean leadsWith(List<String> leading) {
            return !partial && columns.size() >= leading.size() && columns.subList(0, leading.size()).equals(leading);
        }
    }

    private static List<Index> indexes;

    @BeforeAll
    static void readCatalog() throws SQLException {
        indexes = readIndexes(TestDatabase.get().dataSource());
    }

    /** "table method column[,column...]" for every index the performance guide lists. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "users btree lower(email)", "users btree role", "users btree created_at", "users btree updated_at",
            "users btree twilio_worker_sid", "users btree department", "users btree role,department",
            "contacts btree owner_id", "contacts btree created_at", "contacts btree updated_at",
            "contacts btree first_name,last_name", "contacts btree organization", "contacts gin tags",
            "calls btree direction", "calls btree status", "calls btree started_at", "calls btree ended_at",
            "calls btree created_at", "calls btree user_id,status", "calls btree contact_id,status",
            "calls btree from_number,to_number",
            "messages btree direction", "messages btree sent_at", "messages btree delivered_at",
            "messages btree read_at", "messages btree template_id", "messages btree user_id,status",
            "messages btree contact_id,status", "messages btree status,created_at",
            "voicemails btree updated_at", "voicemails btree read_at", "voicemails btree assigned_to_id,priority",
            "voicemails btree assigned_to_id,read_at", "voicemails btree priority,created_at"})
    void guideIndex_existsByLeadingColumns(String guideIndex) {
        assertIndexLeadingWith(guideIndex);
    }

    /** Indexes the application's pages and lookups need beyond the guide. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "contacts btree owner_id,updated_at,id", "contacts btree owner_id,first_name,last_name,id",
            "contacts btree updated_at,id", "contacts btree phone",
            "contacts btree mobile_phone", "contacts gin search_text", "contacts gin owner_id,search_text",
            "calls btree created_at,id", "calls btree user_id,created_at,id", "calls btree contact_id,created_at,id",
            "messages btree contact_id,created_at,id",
            "messages gin user_id,contact_owner_id,to_tsvector('simple'::regconfig, body)",
            "voicemails btree assigned_to_id,created_at,id", "voicemails btree department,created_at,id",
            "voicemails gin assigned_to_id,department,to_tsvector('simple'::regconfig, COALESCE(transcription, ''::text))"})
    void pagingAndSearchIndex_existsByLeadingColumns(String index) {
        assertIndexLeadingWith(index);
    }

    @Test
    void contactSearchIndexes_useTrigramOperatorClass() {
        assertThat(index("idx_contacts_search_text_trgm").definition()).contains("gin_trgm_ops");
        assertThat(index("idx_contacts_owner_search_trgm").definition()).contains("(owner_id, search_text gin_trgm_ops)");
    }

    @Test
    void everySecondaryIndex_isNamedAfterItsTableAndCommentedWithItsQuery() {
        assertThat(secondary()).allSatisfy(index -> {
            assertThat(index.name()).startsWith("idx_" + index.table() + "_");
            assertThat(index.comment()).as(index.name() + " comment").isNotBlank();
        });
    }

    @Test
    void noIndex_repeatsTheLeadingColumnsOfAnother() {
        for (Index index : secondary()) {
            assertThat(indexes)
                    .as("%s is already covered by the leading columns of another index", index.name())
                    .noneMatch(other -> other != index && other.table().equals(index.table())
                            && other.method().equals(index.method()) && !index.partial()
                            && other.leadsWith(index.columns()));
        }
    }

    @Test
    void everyOnDeleteSetNullForeignKey_hasAnIndexLeadingWithItsColumn() {
        List<String> setNullColumns = Sql.column(TestDatabase.get().dataSource(), String.class, """
                select c.conrelid::regclass || '.' || a.attname
                  from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                 where c.contype = 'f' and c.confdeltype = 'n'""");

        assertThat(setNullColumns).isNotEmpty().allSatisfy(tableColumn -> {
            String[] parts = tableColumn.split("\\.");
            assertThat(indexes).anyMatch(i -> i.table().equals(parts[0]) && i.leadsWith(List.of(parts[1])));
        });
    }

    private static void assertIndexLeadingWith(String spec) {
        String[] parts = spec.split(" ", 3);
        // pg_get_indexdef writes ", " inside expressions; the specs separate columns with a bare ",".
        List<String> leading = Arrays.asList(parts[2].split(",(?! )"));
        assertThat(indexes)
                .as("an index on %s using %s leading with %s", parts[0], parts[1], leading)
                .anyMatch(i -> i.table().equals(parts[0]) && i.method().equals(parts[1]) && i.leadsWith(leading));
    }

    private static Index index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Index> secondary() {
        return indexes.stream().filter(i -> i.name().startsWith("idx_")).toList();
    }

    private static List<Index> readIndexes(DataSource ds) throws SQLException {
        List<Index> found = new ArrayList<>();
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(INDEXES)) {
            while (rows.next()) {
                found.add(new Index(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4),
                        rows.getBoolean(5), List.of((String[]) rows.getArray(6).getArray()), rows.getString(7),
                        rows.getString(8)));
            }
        }
        return found;
    }
}
