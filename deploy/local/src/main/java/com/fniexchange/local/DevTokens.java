package com.fniexchange.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 bearer tokens for the {@code local} profile, the same as {@code deploy/local/dev-token.sh}
 * mints: issuer {@code fni-exchange-dev}, audience {@code fni-exchange}, one role, and for a dealer
 * its {@code dealer_code}. The secret is the local profile's clearly-marked development default
 * unless {@code FNI_DEV_JWT_SECRET} is set. Local development only.
 *
 * <p>A minter of its own because the launcher depends on no test code (common-test's
 * {@code DevJwt} signs with the test profile's secret and brings the test infrastructure along),
 * and the demo does not shell out to the script; {@code DevTokensTest} keeps it on the same secret as the
 * local profile and the script.
 */
public final class DevTokens {

    /** The local profile's development default (common-platform META-INF/fni/application-local.yml). */
    static final String LOCAL_DEFAULT_SECRET = "local-dev-only-hs256-secret-change-me-0123456789";

    private final byte[] secret;
    private final Clock clock;

    DevTokens(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The secret the services of this launcher run with. */
    public static DevTokens local() {
        String configured = System.getenv("FNI_DEV_JWT_SECRET");
        return new DevTokens(configured == null || configured.isBlank() ? LOCAL_DEFAULT_SECRET : configured, Clock.systemUTC());
    }

    /** A provider-side user's token: {@code PROVIDER_ADMIN}, {@code CLAIMS_ADJUSTER} or {@code OPS}. */
    public String provider(String role) {
        return mint(role, null);
    }

    /** A dealer user's token for {@code dealerCode} (role {@code DEALER}). */
    public String dealer(String dealerCode) {
        return mint("DEALER", dealerCode);
    }

    String mint(String role, String dealerCode) {
        long now = clock.instant().getEpochSecond();
        String subject = dealerCode != null ? "dev-user@" + dealerCode : "dev-" + role.toLowerCase().replace('_', '-') + "@provider";
        String claims = "{\"sub\":\"" + subject + "\",\"iss\":\"fni-exchange-dev\",\"aud\":\"fni-exchange\",\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + ",\"roles\":[\"" + role + "\"]"
                + (dealerCode != null ? ",\"dealer_code\":\"" + dealerCode + "\"" : "") + "}";
        String signed = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
