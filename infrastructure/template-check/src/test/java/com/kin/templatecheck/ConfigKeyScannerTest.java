package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.templatecheck.ConfigKeyScanner.ConfigKey;
import org.junit.jupiter.api.Test;

class ConfigKeyScannerTest {

    @Test
    void recordComponents_areKeysUnderThePrefix_requiredWithoutFallback() {
        String source = """
                @ConfigurationProperties("bulk-sms")
                public record WorkerConfig(
                        @Nullable String sender,
                        @Bindable(defaultValue = "Sorry, no one, really") String greeting,
                        String queueUrl,
                        Optional<String> region) {
                }
                """;

        assertThat(ConfigKeyScanner.keysIn(source)).containsExactly(
                new ConfigKey("bulk-sms.sender", "BULK_SMS_SENDER", false),
                new ConfigKey("bulk-sms.greeting", "BULK_SMS_GREETING", false),
                new ConfigKey("bulk-sms.queue-url", "BULK_SMS_QUEUE_URL", true),
                new ConfigKey("bulk-sms.region", "BULK_SMS_REGION", false));
    }

    @Test
    void valueWithoutDefault_isRequired_withDefault_isNot() {
        String source = """
                Factory(@Value("${dynamodb.endpoint:}") String endpoint, @Value("${sqs.queue-url}") String queue) {}
                """;

        assertThat(ConfigKeyScanner.keysIn(source)).containsExactly(
                new ConfigKey("dynamodb.endpoint", "DYNAMODB_ENDPOINT", false),
                new ConfigKey("sqs.queue-url", "SQS_QUEUE_URL", true));
    }
}
