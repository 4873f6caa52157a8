package org.civictaskforce.notification.application;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Refuses to start if a template some code writes with is not complete in English and Russian: a
 * missing translation into a regional language falls back, a missing English or Russian one is a bug.
 */
@Component
public class TemplateCheck {

    /** Anything that writes notifications names the templates it uses. */
    public interface UsesTemplates {
        List<String> templates();
    }

    public TemplateCheck(TemplateCatalogue catalogue, List<UsesTemplates> users) {
        for (UsesTemplates user : users) {
            for (String template : user.templates()) {
                for (String language : List.of("en", "ru")) {
                    if (!catalogue.complete(template, language)) {
                        throw new IllegalStateException("template " + template + " is not complete in " + language
                                + " (needs " + language + ".subject/.text/.html.mustache under "
                                + MessageRenderer.ROOT + template + "/), used by " + user.getClass().getSimpleName());
                    }
                }
            }
        }
    }
}
