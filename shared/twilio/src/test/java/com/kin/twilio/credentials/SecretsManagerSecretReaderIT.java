package com.kin.twilio.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/** Powertools Parameters and the real AWS SDK client, against WireMock speaking the Secrets Manager JSON protocol. */
class SecretsManagerSecretReaderIT {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kin/twilio-AbCdEf";
    static final String SID = "AC0123456789abcdef0123456789abcdef";

    static WireMockServer secretsManager;

    SecretsManagerClient client;
    SecretsManagerSecretReader reader;

    @BeforeAll
    static void start() {
        secretsManager = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        secretsManager.start();
    }

    @AfterAll
    static void stop() {
        secretsManager.stop();
    }

    @BeforeEach
    void connect() {
        secretsManager.resetAll();
        client = SecretsManagerClient.builder()
                .endpointOverride(URI.create(secretsManager.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        reader = new SecretsManagerSecretReader(() -> SecretsProvider.builder().withClient(client).build());
    }

    @AfterEach
    void close() {
        client.close();
    }

    void secretAnswers(int status, String json) {
        secretsManager.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(json)));
    }

    static String secretValue(String secretString) {
        return "{\"ARN\":\"" + ARN + "\",\"Name\":\"kin/twilio\",\"VersionId\":\"EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE\","
                + "\"SecretString\":" + secretString + ",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.768471200E9}";
    }

    @Test
    void secretWithCredentials_resolvesThem() {
        secretAnswers(200, secretValue("\"{\\\"TWILIO_ACCOUNT_SID\\\":\\\"" + SID
                + "\\\",\\\"TWILIO_AUTH_TOKEN\\\":\\\"prod-token\\\"}\""));

        TwilioCredentials credentials = TwilioCredentialsFactory.resolve(
                new TwilioCredentialSettings(null, null, null, null, ARN), reader);

        assertThat(credentials).isEqualTo(new TwilioCredentials(SID, "prod-token", null, null));
        secretsManager.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(ARN)));
    }

    @Test
    void missingSecret_failsNamingTheVariable() {
        secretAnswers(400, "{\"__type\":\"ResourceNotFoundException\","
                + "\"message\":\"Secrets Manager can't find the specified secret.\"}");

        assertThatThrownBy(() -> reader.read(ARN)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("TWILIO_SECRET_ARN - could not read secret " + ARN)
                .hasMessageContaining("can't find the specified secret");
    }

    @Test
    void secretThatIsNotJson_failsNamingTheVariable() {
        secretAnswers(200, secretValue("\"just-a-token\""));

        assertThatThrownBy(() -> reader.read(ARN)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("TWILIO_SECRET_ARN - could not read secret " + ARN + " as a JSON object");
    }
}
