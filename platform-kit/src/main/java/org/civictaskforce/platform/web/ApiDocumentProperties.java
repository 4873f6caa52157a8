package org.civictaskforce.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about itself ({@code platform.api.*}); see
 * {@link ApiDocumentAutoConfiguration}.
 *
 * @param title       the document's title, e.g. "Civic Taskforce membership API"
 * @param description one paragraph on what the API is for (Markdown)
 * @param version     the API's version (the platform's release)
 */
@ConfigurationProperties("platform.api")
public record ApiDocumentProperties(String title, String description, String version) {
}
