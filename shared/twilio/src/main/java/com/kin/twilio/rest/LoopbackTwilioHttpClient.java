package com.kin.twilio.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;

/**
 * A {@link TwilioHttpClient} whose connections for {@code twilio.com} and its subdomains go to a loopback server
 * ({@code TWILIO_API_BASE_URL}) instead: the SDK has no base-URL setting, and this keeps every request it builds
 * (path, query, form body, auth, headers, including {@code Host}) exactly as it would reach Twilio. For tests (WireMock)
 * and the local runtime; {@link TwilioApiConfig} only accepts a loopback target.
 */
public class LoopbackTwilioHttpClient extends TwilioHttpClient {

    private static final String TWILIO_DOMAIN = "twilio.com";

    public LoopbackTwilioHttpClient(URI target, Duration connectTimeout, Duration attemptTimeout) {
        super(connectTimeout, attemptTimeout, routeTo(target));
    }

    private static HttpRoutePlanner routeTo(URI target) {
        boolean secure = "https".equalsIgnoreCase(target.getScheme());
        int port = target.getPort() > 0 ? target.getPort() : (secure ? 443 : 80);
        HttpRoute loopback = new HttpRoute(new HttpHost(target.getScheme(), target.getHost(), port), null, secure);
        DefaultRoutePlanner elsewhere = new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE);
        return (host, context) -> isTwilio(host) ? loopback : elsewhere.determineRoute(host, context);
    }

    static boolean isTwilio(HttpHost host) {
        String name = host.getHostName().toLowerCase(Locale.ROOT);
        return name.equals(TWILIO_DOMAIN) || name.endsWith("." + TWILIO_DOMAIN);
    }
}
