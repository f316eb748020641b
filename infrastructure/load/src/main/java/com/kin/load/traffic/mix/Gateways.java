package com.kin.load.traffic.mix;

import com.kin.local.gateway.Gateway;

/** Where the local gateway serves what: the HTTP API at its root, function URLs under one prefix. */
final class Gateways {

    static final String FUNCTION_URLS = Gateway.FUNCTION_URL_PREFIX;

    private Gateways() {
    }
}
