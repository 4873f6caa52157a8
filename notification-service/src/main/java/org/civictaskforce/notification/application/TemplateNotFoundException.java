package org.civictaskforce.notification.application;

/** No language has a complete set of templates (subject, text, HTML) for a notification. */
public class TemplateNotFoundException extends RuntimeException {
    public TemplateNotFoundException(String template) {
        super("no complete templates for " + template);
    }
}
