package com.fniexchange.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.export.ExportProperties;
import com.azure.storage.blob.BlobServiceClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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

    @Test
    void anAccountBindsFromItsConnectionStringOrItsEndpoint() {
        ExportProperties.Blob blob = new Binder(new MapConfigurationPropertySource(Map.of(
                "fni.export.blob.accounts.exports.endpoint", "https://fniexports.blob.core.windows.net",
                "fni.export.blob.accounts.partnerfiles.connection-string", "AccountName=p;AccountKey=" + KEY)))
                .bind("fni.export.blob", ExportProperties.Blob.class).get();
        assertThat(blob.accounts().get("exports").endpoint()).isEqualTo(URI.create("https://fniexports.blob.core.windows.net"));
        assertThat(blob.accounts().get("exports").connectionString()).isNull();
        assertThat(blob.accounts().get("partnerfiles").connectionString()).isEqualTo("AccountName=p;AccountKey=" + KEY);
    }

    @Test
    void anAccountGivenByItsEndpointIsPasswordlessAndNeedsAnHttpsUrlAndNoConnectionString() {
        URI endpoint = URI.create("https://fnipartners.blob.core.windows.net");
        ExportProperties.Account passwordless = new ExportProperties.Account(null, endpoint);
        assertThat(BlobAccountCheck.check("partners", passwordless)).isEmpty();
        BlobServiceClient client = StorageAccountClients.client(passwordless);
        assertThat(client.getAccountUrl()).isEqualTo("https://fnipartners.blob.core.windows.net");
        assertThat(client.getAccountName()).isEqualTo("fnipartners");
        assertThat(passwordless.toString()).contains("passwordless").doesNotContain("connection string");

        assertThat(BlobAccountCheck.check("partners", new ExportProperties.Account(null, URI.create("http://fnipartners.blob.core.windows.net"))))
                .hasValueSatisfying(m -> assertThat(m).contains("fni.export.blob.accounts.partners.endpoint", "https"));
        assertThat(BlobAccountCheck.check("partners", new ExportProperties.Account(
                "DefaultEndpointsProtocol=https;AccountName=fnipartners;AccountKey=" + KEY + ";EndpointSuffix=core.windows.net", endpoint)))
                .hasValueSatisfying(m -> assertThat(m).endsWith("not both").doesNotContain(KEY));
        String sas = "sv=2024-08-04&ss=b&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";
        assertThat(BlobAccountCheck.check("partners", new ExportProperties.Account(null,
                URI.create("https://fnipartners.blob.core.windows.net/?" + sas))))
                .hasValueSatisfying(m -> assertThat(m).contains("endpoint", "SAS").doesNotContain("sig=").doesNotContain("c2VjcmV0"));
        assertThat(new ExportProperties.Account(null, URI.create("https://fnipartners.blob.core.windows.net/?" + sas)).toString())
                .doesNotContain("sig=");
        assertThat(BlobAccountCheck.check("partners", new ExportProperties.Account(null, null)))
                .hasValueSatisfying(m -> assertThat(m).endsWith("not set"));
    }
}
