package com.kin.twilio.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Twilio webhooks as Lambda function URLs deliver them (payload 2.0, form body base64-encoded), signed with Twilio's
 * algorithm ({@link TwilioSigner}): for the {@code events/} samples, their generators and the webhook tests. Nothing in
 * a deployed function uses it.
 */
public final class SignedEvents {

    /** The documented auth token of local runs and of the {@code events/} samples (never a real account's). */
    public static final String LOCAL_AUTH_TOKEN = "local-twilio-auth-token";

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** Twilio's documented egress range begins here; any address serves a sample. */
    private static final String TWILIO_IP = "54.172.60.1";
    private static final String USER_AGENT = "TwilioProxy/1.1";

    private final String authToken;
    private final TwilioSigner signer;

    public SignedEvents(String authToken) {
        this.authToken = authToken;
        this.signer = new TwilioSigner(authToken);
    }

    /**
     * One webhook delivery to {@code https://<host><rawPath>[?rawQuery]}.
     *
     * @param params the form parameters, in the order Twilio would send them
     */
    public record Delivery(String host, String rawPath, String rawQuery, Map<String, String> params, String requestId,
                           String idempotencyToken, Instant time) {
    }

    /** The JSON text of the signed event, laid out like the other samples in {@code events/}. */
    public String json(Delivery delivery) {
        String body = formEncode(delivery.params());
        String query = delivery.rawQuery().isEmpty() ? "" : "?" + delivery.rawQuery();
        String signature = signer.sign("https://" + delivery.host() + delivery.rawPath() + query, FormBody.parse(body, false));
        return "{\n"
                + "  \"version\": \"2.0\",\n"
                + "  \"routeKey\": \"$default\",\n"
                + "  \"rawPath\": " + quote(delivery.rawPath()) + ",\n"
                + "  \"rawQueryString\": " + quote(delivery.rawQuery()) + ",\n"
                + "  \"headers\": " + object(headers(delivery, signature), "  ") + ",\n"
                + queryParameters(delivery.rawQuery())
                + "  \"requestContext\": " + requestContext(delivery) + ",\n"
                + "  \"body\": " + quote(base64(body)) + ",\n"
                + "  \"isBase64Encoded\": true\n"
                + "}\n";
    }

    private static Map<String, String> headers(Delivery delivery, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "*/*");
        headers.put("cache-control", "max-age=259200");
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.put("host", delivery.host());
        headers.put("i-twilio-idempotency-token", delivery.idempotencyToken());
        headers.put("user-agent", USER_AGENT);
        headers.put("x-forwarded-for", TWILIO_IP);
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        headers.put("x-home-region", "us1");
        headers.put("x-twilio-signature", signature);
        return headers;
    }

    /** What a function URL puts in requestContext: no authorizer, the URL id as API id, Twilio's address and agent. */
    private static String requestContext(Delivery delivery) {
        String urlId = delivery.host().substring(0, delivery.host().indexOf('.'));
        return "{\n"
                + "    \"accountId\": \"anonymous\",\n"
                + "    \"apiId\": " + quote(urlId) + ",\n"
                + "    \"domainName\": " + quote(delivery.host()) + ",\n"
                + "    \"domainPrefix\": " + quote(urlId) + ",\n"
                + "    \"http\": {\n"
                + "      \"method\": \"POST\",\n"
                + "      \"path\": " + quote(delivery.rawPath()) + ",\n"
                + "      \"protocol\": \"HTTP/1.1\",\n"
                + "      \"sourceIp\": \"" + TWILIO_IP + "\",\n"
                + "      \"userAgent\": \"" + USER_AGENT + "\"\n"
                + "    },\n"
                + "    \"requestId\": " + quote(delivery.requestId()) + ",\n"
                + "    \"routeKey\": \"$default\",\n"
                + "    \"stage\": \"$default\",\n"
                + "    \"time\": " + quote(REQUEST_TIME.format(delivery.time())) + ",\n"
                + "    \"timeEpoch\": " + delivery.time().toEpochMilli() + "\n"
                + "  }";
    }

    /**
     * The event with its form parameters changed ({@code null} removes one) and signed again for the URL a verifier
     * with {@code publicBaseUrl} (null: the request's own scheme and host) checks; the body keeps its encoding.
     */
    public APIGatewayV2HTTPEvent resigned(APIGatewayV2HTTPEvent event, Map<String, String> changes,
                                          @Nullable String publicBaseUrl) {
        Map<String, String> params = new LinkedHashMap<>(FormBody.parse(event.getBody(), event.getIsBase64Encoded()).asMap());
        changes.forEach((name, value) -> {
            if (value == null) {
                params.remove(name);
            } else {
                params.put(name, value);
            }
        });
        String body = formEncode(params);
        event.setBody(event.getIsBase64Encoded() ? base64(body) : body);
        String url = new TwilioSignatureVerifier(authToken, publicBaseUrl).signedUrl(WebhookRequest.from(event));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-twilio-signature", signer.sign(url, FormBody.parse(body, false)));
        event.setHeaders(headers);
        return event;
    }

    /** A form body as Twilio encodes one. */
    public static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        Map<String, String> params = new LinkedHashMap<>(FormBody.parse(rawQuery, false).asMap());
        return "  \"queryStringParameters\": " + object(params, "  ") + ",\n";
    }

    private static String object(Map<String, String> members, String indent) {
        List<String> lines = members.entrySet().stream()
                .map(entry -> indent + "  " + quote(entry.getKey()) + ": " + quote(entry.getValue())).toList();
        return "{\n" + String.join(",\n", lines) + "\n" + indent + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
