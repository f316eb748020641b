package com.kin.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void smallSeed_isAFewThousandRowsInDependencyOrder() {
        List<Table> tables = new DemoData(NOW).build();

        assertThat(tables).extracting(Table::name).containsExactly("users", "phone_numbers", "contacts",
                "message_templates", "calls", "messages", "voicemails");
        assertThat(tables.stream().mapToInt(t -> t.rows().size()).sum()).isBetween(3_000, 10_000);
    }

    @Test
    void sameClock_givesTheSameRows() {
        Map<String, Integer> first = sizes(new DemoData(NOW).build());
        Object firstContactId = new DemoData(NOW).build().get(2).rows().get(0)[0];

        assertThat(sizes(new DemoData(NOW).build())).isEqualTo(first);
        assertThat(new DemoData(NOW).build().get(2).rows().get(0)[0]).isEqualTo(firstContactId);
    }

    @Test
    void everyRow_fitsItsColumns() {
        new DemoData(NOW).build().forEach(table -> assertThat(table.rows())
                .allSatisfy(row -> assertThat(row).hasSize(table.columns().size())));
    }

    @Test
    void twilioSids_areUnique() {
        List<Table> tables = new DemoData(NOW).build();
        Table calls = tables.get(4);
        int sid = calls.columns().indexOf("twilio_call_sid");

        assertThat(calls.rows().stream().map(row -> row[sid]).distinct().count()).isEqualTo(calls.rows().size());
    }

    private static Map<String, Integer> sizes(List<Table> tables) {
        return tables.stream().collect(Collectors.toMap(Table::name, t -> t.rows().size()));
    }
}
