package com.kin.bulksmsworker;

import com.kin.core.domain.BulkSmsPlaceholders;
import com.kin.core.error.BadRequestError;
import com.kin.core.template.TemplateRenderer;
import com.kin.data.bulksms.JobToSend;
import com.kin.data.bulksms.SendTarget;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fills in a job's body for each contact with the same renderer that checked it when the job was created. */
@Singleton
final class MessageText {

    private static final Argument<Map<String, String>> VARIABLES = Argument.mapOf(String.class, String.class);

    private final TemplateRenderer renderer;
    private final JsonMapper json;

    MessageText(TemplateRenderer renderer, JsonMapper json) {
        this.renderer = renderer;
        this.json = json;
    }

    /** A job's text, parsed once per queue message. */
    record JobText(String body, Set<String> placeholders, Map<String, String> variables) {
    }

    JobText prepare(JobToSend job) {
        try {
            Map<String, String> variables = json.readValue(job.variablesJson(), VARIABLES);
            return new JobText(job.body(), renderer.placeholders(job.body()), variables);
        } catch (IOException e) {
            throw new UncheckedIOException("bulk sms worker - job " + job.id() + " has unreadable variables", e);
        }
    }

    /**
     * The body for one contact; empty when this contact's fields make it longer than one SMS body may be. Any other
     * rendering problem is a bug (the job's text was checked when it was created) and is thrown.
     */
    Optional<String> forContact(JobText text, SendTarget target) {
        Map<String, String> contact = BulkSmsPlaceholders.contactValues(target.firstName(), target.lastName(),
                target.organization());
        try {
            return Optional.of(renderer.render(text.body(),
                    BulkSmsPlaceholders.valuesFor(text.placeholders(), text.variables(), contact)));
        } catch (BadRequestError e) {
            if (e.fieldErrors().containsKey("body")) {
                return Optional.empty();
            }
            throw new IllegalStateException("bulk sms worker - a job's stored text no longer renders: "
                    + e.getMessage(), e);
        }
    }
}
