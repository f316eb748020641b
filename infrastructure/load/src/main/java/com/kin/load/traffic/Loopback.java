package com.kin.load.traffic;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The load tool only ever talks to this machine: every address it is given must resolve to loopback addresses only, so
 * that a typo can never point hundreds of virtual users at a shared or production system.
 */
public final class Loopback {

    private Loopback() {
    }

    /** An http URL on a loopback host, or an IllegalArgumentException naming the option and why. */
    public static URI httpUrl(String option, String text) {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " - not a URL: '" + text + "'", e);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " - expected http://127.0.0.1:PORT (the local runtime), got '"
                    + text + "'");
        }
        requireLoopback(option, uri.getHost());
        return uri;
    }

    /** A {@code jdbc:postgresql://host:port/db} URL on a loopback host. */
    public static String jdbcUrl(String option, String text) {
        String prefix = "jdbc:postgresql://";
        if (!text.startsWith(prefix)) {
            throw new IllegalArgumentException(option + " - expected jdbc:postgresql://127.0.0.1:PORT/kin, got '" + text + "'");
        }
        URI uri = URI.create("postgresql://" + text.substring(prefix.length()));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(option + " - no host in '" + text + "'");
        }
        requireLoopback(option, uri.getHost());
        return text;
    }

    static void requireLoopback(String option, String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + " - cannot resolve host '" + host + "'", e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                String what = address.getHostAddress().equals(host) ? host : host + " (" + address.getHostAddress() + ")";
                throw new IllegalArgumentException(option + " - refused: " + what + " is not a loopback address;"
                        + " ./kin load only drives the local runtime on this machine");
            }
        }
    }
}
