package com.kin.health;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/** Reading the URLs the configuration names. */
final class HttpUrls {

    private HttpUrls() {
    }

    /** {@code value} as an absolute http(s) URL with a host; empty if it is not one. */
    static Optional<URI> parse(String value) {
        try {
            URI uri = new URI(value.trim());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether the URL names this machine (a test or local stand-in, where plain http is acceptable). */
    static boolean isLoopback(URI uri) {
        try {
            return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
