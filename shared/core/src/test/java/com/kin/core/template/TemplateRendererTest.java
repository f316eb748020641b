package com.kin.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void placeholders_inOrderOfFirstAppearance_eachOnce() {
        assertThat(renderer.placeholders("Hi {{firstName}}, your {{item_2}} is ready. Bye {{firstName}}!"))
                .containsExactly("firstName", "item_2");
    }

    @Test
    void placeholders_noneInPlainText() {
        assertThat(renderer.placeholders("Plain text with { single } braces and }} closers")).isEmpty();
    }

    @Test
    void placeholders_nameOf32Characters_isAccepted() {
        String name = "a" + "b".repeat(31);
        assertThat(renderer.placeholders("{{" + name + "}}")).containsExactly(name);
    }

    @Test
    void placeholders_malformed_return400OnBody() {
        for (String body : new String[] {"Hi {{ name }}", "Hi {{1st}}", "Hi {{}}", "Hi {{first-name}}",
                "Hi {{a" + "b".repeat(32) + "}}", "Hi {{name", "Hi {{name}} and {{other", "Hi {{{name}}}"}) {
            assertThatThrownBy(() -> renderer.placeholders(body))
                    .as(body)
                    .isInstanceOfSatisfying(BadRequestError.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("body"));
        }
    }

    @Test
    void placeholders_withFieldErrors_collectsInsteadOfThrowing() {
        FieldErrors errors = new FieldErrors("test");

        assertThat(renderer.placeholders("Hi {{ x }}", errors)).isEmpty();
        assertThat(errors.isEmpty()).isFalse();
        assertThat(renderer.placeholders("Hi {{x}}", new FieldErrors("test"))).hasValue(java.util.Set.of("x"));
    }

    @Test
    void render_fillsEveryPlaceholder() {
        String text = renderer.render("Hi {{name}}, see you at {{time}}. {{name}}!",
                Map.of("name", "Ada", "time", "10:00"));

        assertThat(text).isEqualTo("Hi Ada, see you at 10:00. Ada!");
    }

    @Test
    void render_valuesAreInsertedLiterally_notExpandedAgain() {
        String text = renderer.render("Code: {{code}}", Map.of("code", "$1 \\ {{code}}"));

        assertThat(text).isEqualTo("Code: $1 \\ {{code}}");
    }

    @Test
    void render_missingAndUnknownVariables_return400ListingEach() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("name", "Ada");
        variables.put("time", null);
        variables.put("colour", "red");

        assertThatThrownBy(() -> renderer.render("Hi {{name}} at {{time}} on {{day}}", variables))
                .isInstanceOfSatisfying(BadRequestError.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("variables.time", "variables.day", "variables.colour"));
    }

    @Test
    void render_overLimitAfterFilling_returns400() {
        String body = "x".repeat(1590) + "{{tail}}";

        assertThat(renderer.render(body, Map.of("tail", "y".repeat(10)))).hasSize(1600);
        assertThatThrownBy(() -> renderer.render(body, Map.of("tail", "y".repeat(11))))
                .isInstanceOfSatisfying(BadRequestError.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("body"));
    }

    @Test
    void render_countsCharactersAsCodePoints() {
        String emoji = "\uD83D\uDE00";
        String text = renderer.render("{{smile}}", Map.of("smile", emoji.repeat(1600)));

        assertThat(text.codePointCount(0, text.length())).isEqualTo(1600);
    }

    @Test
    void render_malformedBody_returns400() {
        assertThatThrownBy(() -> renderer.render("Hi {{ name }}", Map.of("name", "Ada")))
                .isInstanceOf(BadRequestError.class);
    }
}
