package com.fniexchange.cancellation;

import com.fniexchange.testsupport.HttpApi;

/** cancellation-service on the wire, as a dealer portal would call it. */
public final class Api extends HttpApi {

    public Api(int port) {
        super(port);
    }
}
