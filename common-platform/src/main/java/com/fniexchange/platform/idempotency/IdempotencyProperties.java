package com.fniexchange.platform.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.idempotency.*}.
 *
 * @param retention    how long a key's stored response is replayed; after that the key may be reused
 * @param abandonAfter a first request still unfinished after this long is taken as dead (its
 *                     instance stopped mid-request): a retry runs instead of getting 409 for a day
 */
@Validated
@ConfigurationProperties("fni.idempotency")
record IdempotencyProperties(@NotNull @DefaultValue("24h") Duration retention,
                                    @NotNull @DefaultValue("2m") Duration abandonAfter) {
}
