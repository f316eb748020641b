package com.kin.data.templates;

import java.util.List;

/** What a template write stores: its name, body, and the body's placeholder names (validated by the caller). */
public record TemplateValues(String name, String body, List<String> variables) {

    public TemplateValues {
        variables = List.copyOf(variables);
    }
}
