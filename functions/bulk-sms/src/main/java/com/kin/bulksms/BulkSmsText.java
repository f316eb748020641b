package com.kin.bulksms;

import com.kin.core.domain.BulkSmsPlaceholders;
import com.kin.core.domain.MessageTemplate;
import com.kin.core.error.BadRequestError;
import com.kin.core.template.TemplateRenderer;
import com.kin.core.validation.FieldErrors;
import com.kin.data.Database;
import com.kin.data.templates.TemplateRepository;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides the text of a bulk job before anything is written: the request's body or its template's, with every
 * placeholder accounted for. A placeholder is filled either from the job's variables (same for everyone) or from each
 * contact ({@link BulkSmsPlaceholders#CONTACT_FIELDS}); anything else is a 400 now rather than 10,000 failed sends later.
 */
@Singleton
final class BulkSmsText {

    private final Database database;
    private final TemplateRepository templates;
    private final TemplateRenderer renderer;

    BulkSmsText(Database database, TemplateRepository templates, TemplateRenderer renderer) {
        this.database = database;
        this.templates = templates;
        this.renderer = renderer;
    }

    /** The body to store on the job; 400 naming the field when the text cannot be sent as asked. */
    String resolve(BulkSmsRequest request) {
        String body = request.templateId() == null ? request.body() : templateBody(request.templateId());
        Set<String> names = renderer.placeholders(body);
        checkVariables(names, request.variables());
        Map<String, String> emptyContact = BulkSmsPlaceholders.contactValues(null, null, null);
        // The shortest this text can get: if even that is too long for one SMS body, no recipient could be sent it.
        renderer.render(body, BulkSmsPlaceholders.valuesFor(names, request.variables(), emptyContact));
        return body;
    }

    private String templateBody(UUID templateId) {
        return templates.find(database, templateId).map(MessageTemplate::body)
                .orElseThrow(() -> BadRequestError.field("templateId", "no template " + templateId + " exists"));
    }

    private static void checkVariables(Set<String> names, Map<String, String> variables) {
        FieldErrors errors = new FieldErrors("bulk sms");
        for (String name : variables.keySet()) {
            if (BulkSmsPlaceholders.CONTACT_FIELDS.contains(name)) {
                errors.add("variables." + name, "is filled in from each contact; leave it out");
            } else if (!names.contains(name)) {
                errors.add("variables." + name, "is unknown: the message has no {{" + name + "}}");
            }
        }
        for (String name : names) {
            if (!BulkSmsPlaceholders.CONTACT_FIELDS.contains(name) && !variables.containsKey(name)) {
                errors.add("variables." + name, "is missing: the message uses {{" + name + "}}");
            }
        }
        errors.throwIfAny();
    }
}
