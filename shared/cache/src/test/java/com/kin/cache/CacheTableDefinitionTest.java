package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.testing.LocalDynamoDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table the tests create, the table template.yaml deploys and the attributes the cache writes must agree. */
class CacheTableDefinitionTest {

    private static String cacheTableResource() throws IOException {
        String template = Files.readString(Path.of("../../template.yaml"));
        Matcher block = Pattern.compile("(?ms)^  CacheTable:\\n(.*?)(?=^  \\S)").matcher(template);
        assertThat(block.find()).as("template.yaml declares CacheTable").isTrue();
        return block.group(1);
    }

    @Test
    void templateDeclaresTheKeyAndTtlTheCacheUses() throws IOException {
        String table = cacheTableResource();

        assertThat(table).contains("BillingMode: PAY_PER_REQUEST");
        assertThat(table).containsPattern("AttributeName: " + LocalDynamoDb.CACHE_HASH_KEY + "\\s+AttributeType: S");
        assertThat(table).containsPattern("AttributeName: " + LocalDynamoDb.CACHE_HASH_KEY + "\\s+KeyType: HASH");
        assertThat(table).containsPattern("TimeToLiveSpecification:\\s+AttributeName: "
                + LocalDynamoDb.CACHE_TTL_ATTRIBUTE + "\\s+Enabled: true");
    }

    @Test
    void cacheItemsUseTheTemplatesKeyAndTtlAttributes() {
        CacheItem entry = CacheItem.entry("e#contact#1", new byte[] {1}, "Note", java.util.Map.of("contacts", "v1"), 42);

        assertThat(CacheItem.SCHEMA.tableMetadata().primaryPartitionKey()).isEqualTo(LocalDynamoDb.CACHE_HASH_KEY);
        assertThat(entry.toDocument().toMap())
                .containsKeys(LocalDynamoDb.CACHE_HASH_KEY, LocalDynamoDb.CACHE_TTL_ATTRIBUTE);
        assertThat(entry.toDocument().toMap().get(LocalDynamoDb.CACHE_TTL_ATTRIBUTE).n()).isEqualTo("42");
    }
}
