package com.kin.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloorHandlerTest {

    @Test
    void plainUrl_dropsTheAwsWrapperPrefixOnly() {
        assertThat(FloorHandler.plainUrl("jdbc:aws-wrapper:postgresql://127.0.0.1:5432/kin"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/kin");
        assertThat(FloorHandler.plainUrl("jdbc:postgresql://h/kin")).isEqualTo("jdbc:postgresql://h/kin");
    }

    @Test
    void byId_knowsTheFunctionsWithAFloor_andNoOther() {
        assertThat(FloorQueries.functions()).contains("contacts", "templates", "calls", "voicemails", "users");
        assertThat(FloorQueries.byId("contacts")).get().asString().contains("from contacts c").contains("where c.id = ?");
        assertThat(FloorQueries.byId("health")).isEmpty();
    }
}
