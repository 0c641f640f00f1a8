package com.fniexchange.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.export.ExportProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A storage account's connection string is checked at start-up; a wrong one is named, its key never shown. */
class BlobAccountCheckTest {

    /** A made-up key: what must never appear in a message. */
    private static final String KEY = "c2VjcmV0LWFjY291bnQta2V5LW5ldmVyLWluLWEtbG9nLWxpbmUtMDEyMzQ1Njc4OQ==";

    @Test
    void aUsableConnectionStringPasses() {
        assertThat(BlobAccountCheck.check("partners", new ExportProperties.Account(
                "DefaultEndpointsProtocol=https;AccountName=fnipartners;AccountKey=" + KEY + ";EndpointSuffix=core.windows.net")))
                .isEmpty();
        assertThat(BlobAccountCheck.check("local", new ExportProperties.Account(
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + KEY
                        + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"))).isEmpty();
    }

    @Test
    void aWrongOneIsNamedWithoutItsContent() {
        for (String wrong : List.of("AccountKey=" + KEY, "AccountName=fnipartners;AccountKey", KEY,
                "DefaultEndpointsProtocol=https;AccountName=fnipartners;AccountKey=" + KEY + ";BlobEndpoint=not a url")) {
            assertThat(BlobAccountCheck.check("partners", new ExportProperties.Account(wrong)))
                    .as("refused: %s", wrong.length())
                    .hasValueSatisfying(message -> assertThat(message)
                            .contains("fni.export.blob.accounts.partners.connection-string")
                            .doesNotContain(KEY).doesNotContain(KEY.substring(0, 12)).doesNotContain("fnipartners"));
        }
        assertThat(BlobAccountCheck.check("partners", new ExportProperties.Account(" "))).hasValueSatisfying(m -> assertThat(m).endsWith("not set"));
    }
}
