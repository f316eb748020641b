package com.kin.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sections of a SAM template as read, intrinsics still unresolved. */
public record Template(Path file, Map<String, Object> parameters, Map<String, Object> conditions,
                       Map<String, Object> mappings, Map<String, Object> globalFunction,
                       Map<String, Resource> resources) {

    /** One entry of {@code Resources}. */
    public record Resource(String logicalId, String type, Map<String, Object> properties, String condition) {
    }

    public static Template read(Path file) {
        Map<String, Object> document;
        try {
            document = CfnYaml.read(file);
        } catch (IOException e) {
            throw new TemplateException(file + " - cannot be read", e);
        }
        Map<String, Object> globals = Yamls.map(document.get("Globals"), "Globals");
        Map<String, Resource> resources = new LinkedHashMap<>();
        Yamls.map(document.get("Resources"), "Resources").forEach((id, definition) -> {
            Map<String, Object> body = Yamls.map(definition, "Resources." + id);
            String type = Yamls.requiredString(body, "Type", "Resources." + id);
            Map<String, Object> properties = Yamls.map(body.get("Properties"), "Resources." + id + ".Properties");
            Object condition = body.get("Condition");
            resources.put(id, new Resource(id, type, properties, condition == null ? null : condition.toString()));
        });
        return new Template(file.toAbsolutePath().normalize(),
                Yamls.map(document.get("Parameters"), "Parameters"),
                Yamls.map(document.get("Conditions"), "Conditions"),
                Yamls.map(document.get("Mappings"), "Mappings"),
                Yamls.map(globals.get("Function"), "Globals.Function"),
                resources);
    }

    /** The directory CodeUri paths are relative to, as for {@code sam build}. */
    public Path baseDir() {
        return file.getParent();
    }
}
