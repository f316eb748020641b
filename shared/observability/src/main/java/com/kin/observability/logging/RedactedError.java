package com.kin.observability.logging;

import com.kin.observability.Redact;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;
import software.amazon.lambda.powertools.logging.internal.JsonSerializer;

/**
 * An exception as a log argument, written in exactly the {@code error.{message,name,stack}} shape Powertools' layout
 * gives a logged throwable, but with phone numbers masked in every message of the cause chain.
 *
 * <p>Upstream errors quote numbers verbatim (Twilio: "The 'To' number +14155550123 is not a valid phone number"), and
 * a throwable handed to the logger prints them in full. Log this instead of the throwable, with a placeholder of its
 * own: {@code LOG.error("sending failed {}", RedactedError.of(e))}. The message text reads as the class and masked
 * message; the stack goes only to the JSON field.
 *
 * <p>Powertools' {@code entry()} refuses the key {@code error} so that a field cannot collide with the logged
 * throwable; here no throwable is logged, so this argument writes the field itself and queries on {@code error.name}
 * keep working for every error line.
 */
public final class RedactedError implements StructuredArgument {

    /** The key Powertools' layout uses for a logged throwable. */
    public static final String FIELD = "error";

    private final String name;
    private final String message;
    private final String stack;

    private RedactedError(String name, String message, String stack) {
        this.name = name;
        this.message = message;
        this.stack = stack;
    }

    public static RedactedError of(Throwable error) {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        return new RedactedError(error.getClass().getName(), Redact.phonesIn(error.getMessage()),
                Redact.phonesIn(stack.toString()));
    }

    @Override
    public void writeTo(JsonSerializer serializer) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("message", message);
        fields.put("name", name);
        fields.put("stack", stack);
        serializer.writeObjectField(FIELD, fields);
    }

    @Override
    public String toString() {
        return FIELD + "=" + (message == null ? name : name + ": " + message);
    }
}
