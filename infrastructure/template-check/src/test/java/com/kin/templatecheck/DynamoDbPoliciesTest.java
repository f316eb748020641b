package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A function running kin-cache / kin-idempotency may read and write CacheTable / IdempotencyTable, and no more. */
class DynamoDbPoliciesTest {

    private static final Map<String, String> TABLE_OF_MODULE = Map.of("kin-cache", "CacheTable",
            "kin-idempotency", "IdempotencyTable");

    private final Path root = ProjectRoot.find();
    private final StackTemplate template = StackTemplate.read(root.resolve("template.yaml"));
    private final ModuleGraph modules = ModuleGraph.read(root);

    @Test
    void everyTableUser_hasCrudOnItsTable() {
        List<String> missing = new ArrayList<>();
        for (var resource : template.resources(StackTemplate.FUNCTION)) {
            String dir = template.functions().stream().filter(f -> f.logicalId().equals(resource.logicalId()))
                    .findFirst().orElseThrow().moduleDir();
            Object policies = resource.properties().get("Policies");
            modules.withRuntimeDependencies(dir).forEach(module -> {
                String table = TABLE_OF_MODULE.get(module.artifactId());
                if (table != null && !hasCrud(policies, table)) {
                    missing.add(resource.logicalId() + " - DynamoDBCrudPolicy on " + table + " (runs " + module.artifactId() + ")");
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    private static boolean hasCrud(Object policies, String table) {
        return policies instanceof List<?> list && list.stream().anyMatch(policy -> policy instanceof Map<?, ?> p
                && p.get("DynamoDBCrudPolicy") instanceof Map<?, ?> crud
                && Map.of("Ref", table).equals(crud.get("TableName")));
    }
}
