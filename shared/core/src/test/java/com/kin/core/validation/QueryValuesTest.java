package com.kin.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryValuesTest {

    @Test
    void validValues_parse() {
        FieldErrors errors = new FieldErrors("test");
        UUID id = UUID.randomUUID();

        assertThat(QueryValues.instant("from", "2026-11-24T06:00:00+01:00", errors))
                .isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(QueryValues.bool("unread", "false", errors)).isFalse();
        assertThat(QueryValues.uuid("userId", id.toString(), errors)).isEqualTo(id);
        assertThat(QueryValues.limit("100", errors)).isEqualTo(100);
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void absentValues_areNull() {
        FieldErrors errors = new FieldErrors("test");

        assertThat(QueryValues.instant("from", " ", errors)).isNull();
        assertThat(QueryValues.bool("unread", null, errors)).isNull();
        assertThat(QueryValues.limit("", errors)).isNull();
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void badValues_areAllReportedTogether() {
        FieldErrors errors = new FieldErrors("test");

        QueryValues.instant("from", "yesterday", errors);
        QueryValues.bool("unread", "yes", errors);
        QueryValues.uuid("userId", "42", errors);
        QueryValues.limit("0", errors);
        QueryValues.range(Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), errors);

        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(BadRequestError.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("from", "unread", "userId", "limit", "to"));
    }

    @Test
    void oversizedOrNonNumericLimit_isRejected() {
        FieldErrors errors = new FieldErrors("test");

        assertThat(QueryValues.limit("101", errors)).isNull();
        assertThat(QueryValues.limit("ten", new FieldErrors("test"))).isNull();
        assertThat(errors.isEmpty()).isFalse();
    }
}
