package com.fniexchange.platform.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.http.*}.
 *
 * @param maxBodySize largest request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("fni.http")
record WebProperties(@NotNull @DefaultValue("256KB") DataSize maxBodySize) {
}
