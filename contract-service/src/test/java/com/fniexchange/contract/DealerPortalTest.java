package com.fniexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestVins;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test that calls contract-service on the wire as one dealer's portal would: the API, that
 * dealer's token, and fresh quotes to submit. Subclasses carry {@link ContractServiceTest}.
 */
public abstract class DealerPortalTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    protected Api api;
    /** The dealer's token. */
    protected final String dealer;

    protected DealerPortalTest(String dealerCode) {
        this.dealer = DevJwt.dealer(dealerCode);
    }

    @BeforeEach
    void openTheApi() {
        api = new Api(port);
    }

    /** A quote for a fresh vehicle sold in Texas. */
    protected String quote() {
        return quote(TestVins.next(), "TX");
    }

    /** A quote for a fresh vehicle sold in this state. */
    protected String quoteIn(String state) {
        return quote(TestVins.next(), state);
    }

    /** A quote for this vehicle sold in Texas. */
    protected String quoteFor(String vin) {
        return quote(vin, "TX");
    }

    private String quote(String vin, String state) {
        Api.Response quote = api.post("/api/v1/rates", dealer, Api.rateRequest(vin, state));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        return quote.json().get("quoteId").asText();
    }

    /** A deal number no other test uses. */
    protected static String deal() {
        return "DEAL-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
