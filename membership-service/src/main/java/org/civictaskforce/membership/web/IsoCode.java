package org.civictaskforce.membership.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The value is a valid code of the given kind, by the same rules the domain enforces
 * ({@link org.civictaskforce.membership.domain.PersonRules}). {@code null} is valid: combine with
 * {@code @NotBlank} where the value is required.
 */
@Documented
@Constraint(validatedBy = IsoCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCode {
    Kind value();

    String message() default "is not a valid code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        COUNTRY("must be an ISO 3166-1 alpha-2 country code, e.g. KZ"),
        LANGUAGE("must be an ISO 639-1 language code, e.g. ru"),
        /** A language the workspace speaks: {@code PersonRules.SERVICE_LANGUAGES}. */
        SERVICE_LANGUAGE("must be one of en, ru, kk, ky, tg, tk, uz"),
        TIME_ZONE("must be an IANA time zone id, e.g. Asia/Almaty");

        final String message;

        Kind(String message) {
            this.message = message;
        }
    }
}
