package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    private final ValueCodec codec = new ValueCodec(JsonMapper.createDefault());

    @Test
    void value_survivesEncodeAndDecode() throws Exception {
        Argument<List<Note>> type = Argument.listOf(Note.class);
        List<Note> notes = List.of(new Note("1", 3, "hello"), new Note("2", 1, "x".repeat(2_000)));

        byte[] stored = codec.encode(type, notes);

        assertThat(codec.decode(type, stored)).isEqualTo(notes);
        assertThat(stored.length).isLessThan(500);
    }

    @Test
    void bytesThatAreNotGzip_areCorrupt() {
        assertThatThrownBy(() -> codec.decode(Argument.of(Note.class), "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValueCodec.CorruptEntryException.class)
                .hasMessageContaining("not gzip");
    }

    @Test
    void gzipOfTheWrongShape_isCorrupt() {
        byte[] stored = codec.encode(Argument.listOf(String.class), List.of("a"));

        assertThatThrownBy(() -> codec.decode(Argument.of(Note.class), stored))
                .isInstanceOf(ValueCodec.CorruptEntryException.class);
    }

    @Test
    void recordThatRejectsTheStoredFields_isCorrupt() {
        byte[] stored = codec.encode(Argument.of(Note.class), new Note("1", 1, "a"));
        byte[] noId = codec.encode(Argument.mapOf(String.class, Object.class), java.util.Map.of("version", 1));

        assertThatThrownBy(() -> codec.decode(Argument.of(Note.class), noId))
                .isInstanceOf(ValueCodec.CorruptEntryException.class);
        assertThat(stored).isNotEmpty();
    }

    @Test
    void typeName_namesTypeParameters() {
        assertThat(ValueCodec.typeName(Argument.listOf(Note.class))).contains("List").contains("Note");
    }
}
