package org.civictaskforce.membership.web;

import org.civictaskforce.membership.domain.PersonRules;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class IsoCodeValidator implements ConstraintValidator<IsoCode, String> {
    private IsoCode.Kind kind;

    @Override
    public void initialize(IsoCode annotation) {
        kind = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean valid = switch (kind) {
            case COUNTRY -> PersonRules.isCountry(value);
            case LANGUAGE -> PersonRules.isLanguage(value);
            case SERVICE_LANGUAGE -> PersonRules.isServiceLanguage(value);
            case TIME_ZONE -> PersonRules.isTimeZone(value);
        };
        if (!valid) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(kind.message).addConstraintViolation();
        }
        return valid;
    }
}
