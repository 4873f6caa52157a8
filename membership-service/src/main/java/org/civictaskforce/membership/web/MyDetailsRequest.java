package org.civictaskforce.membership.web;

import java.util.List;

import org.civictaskforce.membership.domain.DetailsCorrection;
import org.civictaskforce.membership.domain.PersonRules;
import org.civictaskforce.membership.domain.Profile;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/membership/people/me}: what the signed-in person corrects of their own
 * details. A property left out (or {@code null}) stays as it is; {@code "fullName":""} removes the
 * full name. The bounds are the registration's ({@link RegisterPersonRequest}, {@link PersonRules});
 * the preferred language must be one the workspace speaks. Anything else ({@code roles},
 * {@code country}, {@code status} …) is refused with 400 by platform-kit's {@code StrictRequestJson}.
 */
public record MyDetailsRequest(
        @Size(max = PersonRules.DISPLAY_NAME_MAX) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String displayName,
        @Size(max = PersonRules.FULL_NAME_MAX) String fullName,
        @Email @Size(max = PersonRules.EMAIL_MAX) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String email,
        @IsoCode(IsoCode.Kind.SERVICE_LANGUAGE) String preferredLanguage,
        @IsoCode(IsoCode.Kind.TIME_ZONE) String timeZone,
        @Size(max = Profile.MAX_LANGUAGES) List<@NotBlank @IsoCode(IsoCode.Kind.LANGUAGE) String> languages) {
    /** Given, a required detail must say something (left out it stays). */
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String NOT_BLANK_MESSAGE = "must not be blank";

    DetailsCorrection toCorrection() {
        return new DetailsCorrection(displayName, fullName, email, preferredLanguage, timeZone, languages);
    }

    @Override
    public String toString() {
        return "MyDetailsRequest[<withheld>]";
    }
}
