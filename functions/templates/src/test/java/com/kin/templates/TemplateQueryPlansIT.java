package com.kin.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.page.Cursor;
import com.kin.data.RowMapper;
import com.kin.data.Sql;
import com.kin.data.templates.TemplateRepository;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template list, EXPLAINed as the repository builds it at 100k templates: a range scan of the unique name index. */
class TemplateQueryPlansIT {

    private static final int TEMPLATES = 100_000;

    private static DataSource ds;

    @BeforeAll
    static void load() throws SQLException {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            int inserted = statement.executeUpdate("insert into message_templates (name, body, variables) "
                    + "select 'Template ' || lpad(g::text, 6, '0'), 'Hi {{name}} #' || g, '{name}' "
                    + "from generate_series(1, " + TEMPLATES + ") as g");
            assertThat(inserted).isEqualTo(TEMPLATES);
            statement.execute("analyze message_templates");
        }
    }

    @Test
    void firstAndLaterPages_rangeScanTheNameIndex() {
        for (Cursor cursor : new Cursor[] {null, new Cursor(TemplateRepository.SORT, "Template 050000", UUID.randomUUID())}) {
            Captured list = new Captured();
            new TemplateRepository().list(list, cursor, 26);

            Explain.assertUsesIndex(ds, "message_templates_name_key", list.statement, list.params);
            Explain.assertNoSeqScan(ds, "message_templates", list.statement, list.params);
        }
    }

    /** Keeps the statement a repository built instead of running it. */
    private static final class Captured implements Sql {
        String statement;
        Object[] params;

        @Override
        public <T> List<T> query(String name, String sql, RowMapper<T> mapper, Object... values) {
            statement = sql;
            params = values.clone();
            return List.of();
        }

        @Override
        public int update(String name, String sql, Object... values) {
            throw new UnsupportedOperationException("the list only reads");
        }
    }
}
