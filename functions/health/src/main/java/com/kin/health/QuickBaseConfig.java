package com.kin.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Quickbase integration as the environment describes it: {@code QUICKBASE_REALM} (the realm's host name, e.g.
 * {@code example.quickbase.com}), {@code QUICKBASE_USER_TOKEN}, {@code QUICKBASE_APP_ID}, and
 * {@code QUICKBASE_API_BASE_URL} (default {@code https://api.quickbase.com}; tests point it at a loopback server).
 *
 * <p>Only the base URL is checked at start: the other three are what the health report is about, so a missing or
 * malformed one is reported ({@link #problems()}), not fatal. The token is never printed, not even in part.
 */
@Context
@ConfigurationProperties("quickbase")
public record QuickBaseConfig(@Nullable String realm, @Nullable String userToken, @Nullable String appId,
                              @Nullable String apiBaseUrl) {

    static final String DEFAULT_API_BASE_URL = "https://api.quickbase.com";
    /** A DNS host name of at least two labels, without scheme, port or path. */
    private static final Pattern REALM = Pattern.compile(
            "(?i)^(?=.{3,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");
    /** Quickbase user tokens: {@code b} and five characters, a short part, optionally a digit part, then the secret. */
    private static final Pattern USER_TOKEN = Pattern.compile("^b[a-z0-9]{5}_[a-z0-9]{3,4}(?:_[a-z0-9]{1,4})?_[a-z0-9]{20,}$");
    /** Quickbase database ids, such as {@code bck7gp3q2}. */
    private static final Pattern APP_ID = Pattern.compile("^b[a-z0-9]{5,11}$");

    public QuickBaseConfig {
        realm = blankToNull(realm);
        userToken = blankToNull(userToken);
        appId = blankToNull(appId);
        apiBaseUrl = blankToNull(apiBaseUrl);
        if (apiBaseUrl != null) {
            checkApiBase(apiBaseUrl);
        }
    }

    /** Whether any of realm, token and app id is set: if none is, the deployment does not use Quickbase. */
    public boolean isUsed() {
        return realm != null || userToken != null || appId != null;
    }

    /** What is missing or malformed among realm, token and app id, one line per variable; empty when all three are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (realm == null) {
            problems.add("QUICKBASE_REALM is not set");
        } else if (!REALM.matcher(realm).matches()) {
            problems.add("QUICKBASE_REALM must be the realm's host name such as example.quickbase.com, got " + shown(realm));
        }
        if (userToken == null) {
            problems.add("QUICKBASE_USER_TOKEN is not set");
        } else if (!USER_TOKEN.matcher(userToken).matches()) {
            problems.add("QUICKBASE_USER_TOKEN is not shaped like a Quickbase user token (b....._...._...; value not shown)");
        }
        if (appId == null) {
            problems.add("QUICKBASE_APP_ID is not set");
        } else if (!APP_ID.matcher(appId).matches()) {
            problems.add("QUICKBASE_APP_ID must be a Quickbase app id such as bck7gp3q2, got " + shown(appId));
        }
        return problems;
    }

    /** The Get App call of Quickbase's JSON API for the configured app. */
    public URI appUri() {
        String base = apiBaseUrl == null ? DEFAULT_API_BASE_URL : apiBaseUrl;
        return URI.create(stripTrailingSlash(base) + "/v1/apps/" + appId);
    }

    /** Records print every component; this one would print the token. */
    @Override
    public String toString() {
        return "QuickBaseConfig[realm=" + realm + ", userToken=" + (userToken == null ? "unset" : "***") + ", appId="
                + appId + ", apiBaseUrl=" + apiBaseUrl + "]";
    }

    /** The token goes only to Quickbase: https, or plain http to a stand-in on this machine. */
    private static void checkApiBase(String value) {
        URI uri = HttpUrls.parse(value).orElseThrow(() -> new IllegalStateException(
                "QUICKBASE_API_BASE_URL - must be an http(s) URL such as " + DEFAULT_API_BASE_URL + ", got '" + value + "'"));
        String path = uri.getRawPath();
        if (uri.getRawQuery() != null || path != null && !path.isEmpty() && !"/".equals(path)) {
            throw new IllegalStateException("QUICKBASE_API_BASE_URL - must be scheme://host[:port] with no path or query, got '"
                    + value + "'");
        }
        if ("http".equals(uri.getScheme()) && !HttpUrls.isLoopback(uri)) {
            throw new IllegalStateException("QUICKBASE_API_BASE_URL - plain http is only for a stand-in on this machine "
                    + "(127.0.0.1, localhost); the user token must travel over https, got '" + value + "'");
        }
    }

    /** A value quoted in a problem, unless it is a user token put in the wrong variable. */
    private static String shown(String value) {
        return USER_TOKEN.matcher(value).matches() ? "a value shaped like a user token (not shown)" : "'" + value + "'";
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
