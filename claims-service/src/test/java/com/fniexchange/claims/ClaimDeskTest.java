package com.fniexchange.claims;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test at the claims desk: claims-service on the wire as a repair facility or an adjuster calls
 * it, and the contract feed that gives it contracts to claim on. Subclasses carry
 * {@link ClaimsServiceTest}.
 */
public abstract class ClaimDeskTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    protected Http http;
    protected ContractFeed feed;

    @BeforeEach
    void openTheDesk() {
        http = new Http(port);
        feed = new ContractFeed(jdbc);
    }
}
