package com.fniexchange.claims;

import com.fniexchange.testsupport.HttpApi;

/** claims-service on the wire: what a repair facility's system or an adjuster's desk would send. */
public final class Http extends HttpApi {

    public Http(int port) {
        super(port);
    }
}
