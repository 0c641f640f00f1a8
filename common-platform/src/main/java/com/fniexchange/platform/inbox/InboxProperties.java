package com.fniexchange.platform.inbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.inbox.*}.
 *
 * @param retention how long a processed event id is remembered; a redelivery older than this
 *                  would be processed again, so keep it well above the longest broker retention
 *                  replay a consumer could see
 */
@Validated
@ConfigurationProperties("fni.inbox")
record InboxProperties(@NotNull @DefaultValue("14d") Duration retention) {
}
