package com.kin.templates;

import java.util.List;

/** The fields a template update names; a null field is left as it is. */
record TemplatePatch(String name, String body, List<String> variables) {
}
