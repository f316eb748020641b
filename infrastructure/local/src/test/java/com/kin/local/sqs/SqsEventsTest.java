package com.kin.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsEventsTest {

    private final List<Message> batch = List.of(message("m1"), message("m2"));

    @Test
    void event_hasTheRecordsLambdaSends() throws Exception {
        JsonNode event = new ObjectMapper().readTree(SqsEvents.event(batch, "arn:aws:sqs:us-east-1:000000000000:q"));

        JsonNode record = event.path("Records").get(0);
        assertThat(event.path("Records")).hasSize(2);
        assertThat(record.path("messageId").asText()).isEqualTo("m1");
        assertThat(record.path("body").asText()).isEqualTo("body-m1");
        assertThat(record.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(record.path("messageAttributes").path("kind").path("stringValue").asText()).isEqualTo("test");
        assertThat(record.path("messageAttributes").path("kind").path("dataType").asText()).isEqualTo("String");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:q");
    }

    @Test
    void emptyOrMissingFailures_meanEverythingSucceeded() {
        assertThat(failed("{\"batchItemFailures\":[]}")).contains(Set.of());
        assertThat(failed("{}")).contains(Set.of());
        assertThat(failed("null")).contains(Set.of());
    }

    @Test
    void namedFailures_areReturned() {
        assertThat(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}")).contains(Set.of("m2"));
    }

    @Test
    void unknownOrEmptyIdentifier_failsTheWholeBatch() {
        assertThat(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"zz\"}]}")).isEmpty();
        assertThat(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")).isEmpty();
        assertThat(failed("not json")).isEmpty();
    }

    private java.util.Optional<Set<String>> failed(String response) {
        return SqsEvents.failedMessageIds(response.getBytes(StandardCharsets.UTF_8), batch);
    }

    private static Message message(String id) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body("body-" + id).md5OfBody("md5")
                .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"))
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("test").build()))
                .build();
    }
}
