package org.civictaskforce.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and headers that apply to every request through the entrance.
 *
 * @param maxRequestBodySize largest request body accepted; larger ones get 413
 *                           ({@code GATEWAY_MAX_REQUEST_BODY_SIZE})
 * @param contentSecurityPolicy the Content-Security-Policy for responses that bring none of their own
 *                              ({@code GATEWAY_CONTENT_SECURITY_POLICY})
 */
@ConfigurationProperties("gateway")
public record EntranceProperties(
        @DefaultValue("1MB") DataSize maxRequestBodySize,
        @DefaultValue("default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy) {
}
