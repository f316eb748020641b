package com.kin.templates;

import com.kin.cache.Cached;
import com.kin.core.domain.MessageTemplate;
import com.kin.core.error.ConflictError;
import com.kin.core.error.ForbiddenError;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.PreconditionFailedError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.Database;
import com.kin.data.SqlErrors;
import com.kin.data.templates.TemplateRepository;
import com.kin.data.templates.TemplateValues;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Message templates: everyone reads them (through the cache), managers and admins write them (invalidating it after the
 * commit). A write is authorised first, then its body is validated (placeholders included), then it is stored.
 */
@Singleton
class TemplateService {

    private final Database database;
    private final TemplateRepository templates;
    private final TemplateInput input;
    private final TemplateCache cache;
    private final Clock clock;

    TemplateService(Database database, TemplateRepository templates, TemplateInput input, TemplateCache cache,
                    Clock clock) {
        this.database = database;
        this.templates = templates;
        this.input = input;
        this.cache = cache;
        this.clock = clock;
    }

    Cached<Page<MessageTemplate>> list(PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), TemplateRepository.SORT);
        return cache.page(page, () ->
                Page.of(templates.list(database, after, page.fetchSize()), page, TemplateRepository::cursorOf));
    }

    Cached<MessageTemplate> get(UUID id) {
        return cache.template(id, () -> current(id));
    }

    MessageTemplate create(Caller caller, JsonNode body) {
        requireEditor(caller);
        TemplateValues values = input.forCreate(body);
        MessageTemplate created = templates.insert(database, values, caller.userId(), clock.instant())
                .orElseThrow(() -> duplicateName(values.name(), null));
        cache.changed(created.id());
        return created;
    }

    MessageTemplate update(Caller caller, UUID id, JsonNode body, OptionalLong expectedVersion) {
        requireEditor(caller);
        TemplatePatch patch = input.forUpdate(body);
        MessageTemplate updated = database.transaction("templates.update", sql -> {
            MessageTemplate current = templates.lock(sql, id).orElseThrow(() -> NotFoundError.of("templates", id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw stale(id, current.version(), expectedVersion);
            }
            TemplateValues values = input.apply(patch, current);
            try {
                return templates.update(sql, id, values, current.version(), clock.instant()).orElseThrow();
            } catch (ConflictError e) {
                throw SqlErrors.isUniqueViolation(e) ? duplicateName(values.name(), e) : e;
            }
        });
        cache.changed(id);
        return updated;
    }

    void delete(Caller caller, UUID id, OptionalLong expectedVersion) {
        requireEditor(caller);
        if (!templates.delete(database, id, expectedVersion)) {
            throw stale(id, current(id).version(), expectedVersion);
        }
        cache.changed(id);
    }

    /** The template as stored now, bypassing the cache (a loader, and the 412 that must name the current version). */
    private MessageTemplate current(UUID id) {
        return templates.find(database, id).orElseThrow(() -> NotFoundError.of("templates", id));
    }

    private static void requireEditor(Caller caller) {
        if (!caller.canEditTemplates()) {
            throw new ForbiddenError("templates - only managers and admins may create, change or delete templates");
        }
    }

    private static ConflictError duplicateName(String name, Throwable cause) {
        return new ConflictError("templates - a template named '" + name + "' already exists", cause);
    }

    private static PreconditionFailedError stale(UUID id, long current, OptionalLong expected) {
        return new PreconditionFailedError("templates - template " + id + " is at version " + current + ", not "
                + expected.orElse(-1) + "; reload it and retry");
    }
}
