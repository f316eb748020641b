package com.kin.core.domain;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Links to Twilio recordings. Twilio reports a recording as its REST resource URL without an extension; the same URL with
 * {@code .mp3} appended serves the audio as MP3, which every browser plays. Clients get that link; audio is never proxied.
 */
public final class Recordings {

    private static final String MP3 = ".mp3";

    private Recordings() {
    }

    /**
     * The playable form of a stored recording URL: unchanged when its last path segment already has an extension
     * ({@code .mp3}, {@code .wav}), otherwise with {@code .mp3} appended to the path (before any query string).
     * {@code null} stays {@code null}.
     */
    public static String playableUrl(String storedUrl) {
        if (storedUrl == null || storedUrl.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(storedUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("recordings - stored recording URL is not a URI: " + storedUrl, e);
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.endsWith("/") || lastSegment(path).contains(".")) {
            return uri.toString();
        }
        String text = uri.toString();
        int pathEnd = text.length() - suffixLength(uri.getRawQuery()) - suffixLength(uri.getRawFragment());
        return text.substring(0, pathEnd) + MP3 + text.substring(pathEnd);
    }

    /** The length of a query or fragment together with its leading '?' or '#'. */
    private static int suffixLength(String part) {
        return part == null ? 0 : part.length() + 1;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
