package com.kin.data.voicemails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.domain.Voicemail;
import com.kin.core.domain.VoicemailPriority;
import com.kin.core.error.BadRequestError;
import com.kin.core.page.Cursor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoicemailSortTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T10:15:30.123456Z");

    @Test
    void priorityCursor_roundTripsRankTimeAndId() {
        Voicemail voicemail = voicemail(VoicemailPriority.URGENT);

        Cursor cursor = Cursor.decode(VoicemailSort.PRIORITY.cursorOf(voicemail).encode(), "priority");

        assertThat(VoicemailSort.PRIORITY.afterParams(cursor)).containsExactly((short) 4, CREATED, voicemail.id());
    }

    @Test
    void newestCursor_roundTripsTimeAndId() {
        Voicemail voicemail = voicemail(VoicemailPriority.LOW);

        Cursor cursor = Cursor.decode(VoicemailSort.NEWEST.cursorOf(voicemail).encode(), "newest");

        assertThat(VoicemailSort.NEWEST.afterParams(cursor)).containsExactly(CREATED, voicemail.id());
    }

    @Test
    void tamperedCursorValue_isA400OnCursor() {
        Cursor forged = new Cursor("priority", "urgent|yesterday", UUID.randomUUID());

        assertThatThrownBy(() -> VoicemailSort.PRIORITY.afterParams(forged)).isInstanceOfSatisfying(BadRequestError.class,
                e -> assertThat(e.fieldErrors()).containsKey("cursor"));
    }

    @Test
    void unknownSort_isA400OnSort() {
        assertThat(VoicemailSort.parse(null)).isEqualTo(VoicemailSort.NEWEST);
        assertThatThrownBy(() -> VoicemailSort.parse("oldest")).isInstanceOfSatisfying(BadRequestError.class,
                e -> assertThat(e.fieldErrors()).containsKey("sort"));
    }

    private static Voicemail voicemail(VoicemailPriority priority) {
        return new Voicemail(UUID.randomUUID(), null, null, null, "sales", priority, "+14155550101", false, null,
                "https://api.twilio.com/RE1.mp3", null, 3, CREATED, CREATED, 1);
    }
}
