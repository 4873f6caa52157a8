package org.civictaskforce.membership.web;

import java.util.List;
import java.util.Set;

import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.Profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/membership/people/{id}/profile}: replaces languages, expertise and the
 * protected-identity flag, and the roles when given ({@code null}: they stay; only a coordinator may
 * change them). Unknown properties ({@code status}, {@code email}, {@code consent} …) are refused with
 * 400 by platform-kit's {@code StrictRequestJson}, not ignored.
 */
public record ProfileRequest(
        Set<@NotNull GroupRole> roles,
        @NotNull @Size(max = Profile.MAX_LANGUAGES) List<@NotBlank @IsoCode(IsoCode.Kind.LANGUAGE) String> languages,
        @NotNull @Size(max = Profile.MAX_EXPERTISE) List<@NotBlank @Pattern(regexp = TAG, message = TAG_MESSAGE) String> expertise,
        boolean protectedIdentity) {
    /** An expertise tag as typed: letters a-z, digits, blanks, dashes (stored lower case with dashes). */
    static final String TAG = "^[A-Za-z0-9][A-Za-z0-9 _-]{0,49}$";
    static final String TAG_MESSAGE = "must be a tag of 1-50 letters a-z, digits, blanks or dashes";
}
