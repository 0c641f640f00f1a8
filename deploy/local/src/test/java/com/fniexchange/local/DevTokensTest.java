package com.fniexchange.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final DevTokens tokens = new DevTokens("s3cret-for-this-test-only-0123456789abcdef",
            Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aDealerTokenCarriesItsDealerCodeAndTheLocalIssuerAndAudience() throws Exception {
        JsonNode claims = claims(tokens.dealer("D7K2A1"));
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("DEALER");
        assertThat(claims.get("dealer_code").asText()).isEqualTo("D7K2A1");
        assertThat(claims.get("iss").asText()).isEqualTo("fni-exchange-dev");
        assertThat(claims.get("aud").asText()).isEqualTo("fni-exchange");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
        assertThat(claims.get("iat").asLong()).isEqualTo(Instant.parse("2026-12-04T12:00:00Z").getEpochSecond());
    }

    @Test
    void aProviderTokenHasNoDealerCode() throws Exception {
        JsonNode claims = claims(tokens.provider("CLAIMS_ADJUSTER"));
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("CLAIMS_ADJUSTER");
        assertThat(claims.has("dealer_code")).isFalse();
        assertThat(claims.get("sub").asText()).isEqualTo("dev-claims-adjuster@provider");
    }

    @Test
    void theSignatureIsHmacSha256OfHeaderAndPayloadWithTheSecret() throws Exception {
        String token = tokens.provider("OPS");
        int dot = token.lastIndexOf('.');
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret-for-this-test-only-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII)));
        assertThat(token.substring(dot + 1)).isEqualTo(expected);
        assertThat(new DevTokens("another-secret", Clock.systemUTC()).provider("OPS")).doesNotEndWith(expected);
    }

    @Test
    void theLocalDefaultIsTheOneTheLocalProfileAndTheTokenScriptShip() throws Exception {
        // tests run in deploy/local: the profile file is common-platform's, the script lives beside this module
        assertThat(Files.readString(Path.of("../../common-platform/src/main/resources/META-INF/fni/application-local.yml")))
                .contains(DevTokens.LOCAL_DEFAULT_SECRET);
        assertThat(Files.readString(Path.of("dev-token.sh"))).contains(DevTokens.LOCAL_DEFAULT_SECRET);
    }

    private static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText()).isEqualTo("HS256");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
