package com.kin.core.template;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code {{name}}} placeholders of an SMS body. A name is 1 to 32 letters, digits or {@code _}, starting with a
 * letter, written without spaces. Templates are checked with it when saved and messages when sent, so the same rules
 * apply at both ends.
 *
 * <p>Anything else between {@code {{} and {@code }}}, and a {@code {{} that is never closed, is rejected rather than sent
 * as text: a typo in a placeholder must not reach a customer's phone as "Hi {{ frist }}".
 */
@Singleton
public final class TemplateRenderer {

    /** The most characters (Unicode code points, as the database counts them) one SMS body may have. */
    public static final int MAX_LENGTH = 1600;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,31}");
    private static final Pattern CANDIDATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final String OPEN = "{{";

    /** The placeholder names of {@code body} in order of first appearance, each once; 400 (field {@code body}) if malformed. */
    public Set<String> placeholders(String body) {
        FieldErrors errors = new FieldErrors("templates");
        Optional<Set<String>> names = placeholders(body, errors);
        errors.throwIfAny();
        return names.orElseThrow();
    }

    /**
     * The placeholder names of {@code body}, or empty after adding a {@code body} problem to {@code errors} when one is
     * malformed, so that a caller can report it together with its other field problems.
     */
    public Optional<Set<String>> placeholders(String body, FieldErrors errors) {
        Objects.requireNonNull(body, "body");
        Set<String> names = new LinkedHashSet<>();
        Matcher candidate = CANDIDATE.matcher(body);
        int end = 0;
        while (candidate.find()) {
            String name = candidate.group(1);
            if (!NAME.matcher(name).matches()) {
                errors.add("body", "'" + candidate.group() + "' is not a placeholder: write {{name}} with a name of 1-32"
                        + " letters, digits or '_' that starts with a letter, and no spaces");
                return Optional.empty();
            }
            names.add(name);
            end = candidate.end();
        }
        if (body.indexOf(OPEN, end) >= 0) {
            errors.add("body", "has a '{{' that is never closed with '}}'");
            return Optional.empty();
        }
        return Optional.of(Collections.unmodifiableSet(names));
    }

    /**
     * {@code body} with every placeholder replaced by its value from {@code variables}. Values are inserted as they are:
     * a value that itself looks like a placeholder is not expanded again.
     *
     * @throws BadRequestError listing every missing variable and every variable the body does not use (as fields
     *         {@code variables.<name>}), or when the rendered text is longer than {@value #MAX_LENGTH} characters
     */
    public String render(String body, Map<String, String> variables) {
        Set<String> names = placeholders(body);
        FieldErrors errors = new FieldErrors("template rendering");
        for (String name : names) {
            if (variables.get(name) == null) {
                errors.add("variables." + name, "is missing: the message uses {{" + name + "}}");
            }
        }
        for (String name : variables.keySet()) {
            if (!names.contains(name)) {
                errors.add("variables." + name, "is unknown: the message has no {{" + name + "}}");
            }
        }
        errors.throwIfAny();
        String text = CANDIDATE.matcher(body).replaceAll(match -> Matcher.quoteReplacement(variables.get(match.group(1))));
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw BadRequestError.field("body", "is " + length + " characters once the variables are filled in; an SMS body"
                    + " may have at most " + MAX_LENGTH);
        }
        return text;
    }
}
