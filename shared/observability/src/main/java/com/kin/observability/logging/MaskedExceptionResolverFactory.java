package com.kin.observability.logging;

import com.kin.observability.Redact;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * The {@code maskedException} resolver of log4j2.xml: the logged throwable's message or stack trace (causes included)
 * with every phone number masked by {@link Redact#phonesIn}, in place of Powertools' {@code error.message} and
 * {@code error.stack}.
 *
 * <p>Upstream errors quote numbers verbatim (Twilio: "The 'To' number +14155550123 is not a valid phone number"), and
 * code that logs such an exception with {@code LOG.warn("...", e)} would otherwise print them in full. Masking here, in
 * the layout, covers every logger - KIN's, Micronaut's, the SDKs' - in one place. Template:
 * {@code {"$resolver": "maskedException", "field": "message" | "stackTrace"}}; like Log4j's own {@code exception}
 * resolver it is left out of a line that carries no throwable.
 */
@Plugin(name = "MaskedExceptionResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class MaskedExceptionResolverFactory implements EventResolverFactory {

    static final String NAME = "maskedException";
    private static final MaskedExceptionResolverFactory INSTANCE = new MaskedExceptionResolverFactory();

    private MaskedExceptionResolverFactory() {
    }

    @PluginFactory
    public static MaskedExceptionResolverFactory getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public EventResolver create(EventResolverContext context, TemplateResolverConfig config) {
        String field = config.getString("field");
        return switch (field == null ? "" : field.toLowerCase(Locale.ROOT)) {
            case "message" -> new Resolver(false);
            case "stacktrace" -> new Resolver(true);
            default -> throw new IllegalArgumentException("log layout - the " + NAME
                    + " resolver takes field message or stackTrace, got " + field);
        };
    }

    private static final class Resolver implements EventResolver {

        private final boolean stackTrace;

        Resolver(boolean stackTrace) {
            this.stackTrace = stackTrace;
        }

        @Override
        public boolean isResolvable(LogEvent event) {
            return event.getThrown() != null;
        }

        @Override
        public void resolve(LogEvent event, JsonWriter writer) {
            Throwable thrown = event.getThrown();
            if (thrown == null) {
                writer.writeNull();
            } else if (stackTrace) {
                writer.writeString(Redact.phonesIn(stackTraceOf(thrown)));
            } else if (thrown.getMessage() == null) {
                writer.writeNull();
            } else {
                writer.writeString(Redact.phonesIn(thrown.getMessage()));
            }
        }

        private static String stackTraceOf(Throwable thrown) {
            StringWriter text = new StringWriter();
            thrown.printStackTrace(new PrintWriter(text));
            return text.toString();
        }
    }
}
