package com.fniexchange.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fni.openapi.*}: what the service's OpenAPI document says about the API as a whole.
 *
 * @param title        the API's name; the application name when not set
 * @param description  what the API is for, to the partner engineer reading it
 * @param version      the API version partners code against
 * @param contactName  who answers partners' questions
 * @param contactEmail where to write them
 * @param serverUrl    the URL the document names as the server; relative ({@code /}) by default,
 *                     so the document is the same on every host and every port
 */
@ConfigurationProperties("fni.openapi")
record ApiProperties(
        String title,
        @DefaultValue("An F&I Exchange API: JSON over HTTPS with a bearer JWT; errors are RFC 9457 problem+json.") String description,
        @DefaultValue("v1") String version,
        @DefaultValue("F&I Exchange partner support") String contactName,
        @DefaultValue("api-support@fniexchange.com") String contactEmail,
        @DefaultValue("/") String serverUrl) {
}
