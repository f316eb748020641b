package com.kin.load.copy;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds COPY ... (FORMAT csv) input: fields separated by commas, NULL as an empty unquoted field, text quoted
 * (doubling quotes) only when it holds a comma, quote, newline or is empty, so that it is never read as NULL.
 */
public final class CsvLine {

    private final StringBuilder buffer = new StringBuilder(1 << 17);
    private boolean lineStarted;

    public CsvLine text(String value) {
        separate();
        if (value == null) {
            return this;
        }
        if (value.isEmpty() || needsQuotes(value)) {
            buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            buffer.append(value);
        }
        return this;
    }

    public CsvLine uuid(UUID value) {
        separate();
        if (value != null) {
            buffer.append(value);
        }
        return this;
    }

    public CsvLine time(Instant value) {
        separate();
        if (value != null) {
            buffer.append(value);
        }
        return this;
    }

    public CsvLine number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    public CsvLine number(Integer value) {
        separate();
        if (value != null) {
            buffer.append(value.intValue());
        }
        return this;
    }

    public CsvLine bool(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    public void end() {
        buffer.append('\n');
        lineStarted = false;
    }

    public int length() {
        return buffer.length();
    }

    /** The lines built so far, removed from this builder. */
    public String drain() {
        String text = buffer.toString();
        buffer.setLength(0);
        return text;
    }

    private void separate() {
        if (lineStarted) {
            buffer.append(',');
        }
        lineStarted = true;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
