package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CacheItemTest {

    @Test
    void entry_survivesTheTripThroughADocument() {
        CacheItem entry = CacheItem.entry("e#contact#1", new byte[] {1, 2}, "Note", Map.of("contacts", "v1"), 42);

        CacheItem read = CacheItem.from(entry.toDocument());

        assertThat(read.pk()).isEqualTo("e#contact#1");
        assertThat(read.value()).containsExactly(1, 2);
        assertThat(read.type()).isEqualTo("Note");
        assertThat(read.tags()).containsEntry("contacts", "v1");
        assertThat(read.expiresAt()).isEqualTo(42);
        assertThat(read.malformed()).isFalse();
    }

    @Test
    void attributeOfTheWrongType_marksTheItemMalformedInsteadOfThrowing() {
        Map<String, AttributeValue> attributes = new HashMap<>(
                CacheItem.entry("e#contact#1", new byte[] {1}, "Note", Map.of("contacts", "v1"), 42).toDocument().toMap());
        attributes.put("val", AttributeValue.fromS("text"));
        attributes.put("tags", AttributeValue.fromN("7"));

        CacheItem read = CacheItem.from(EnhancedDocument.fromAttributeValueMap(attributes));

        assertThat(read.malformed()).isTrue();
        assertThat(read.value()).isNull();
    }

    @Test
    void expiryThatIsNoNumber_marksTheItemMalformed() {
        Map<String, AttributeValue> attributes = new HashMap<>(
                CacheItem.version("t#contacts", "v1", 42L).toDocument().toMap());
        attributes.put("expires_at", AttributeValue.fromS("tomorrow"));

        assertThat(CacheItem.from(EnhancedDocument.fromAttributeValueMap(attributes)).malformed()).isTrue();
    }
}
