package org.civictaskforce.membership.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/membership/people/{id}/consent}: the notice version agreed to and the
 * purposes agreed (codes such as {@code membership}, {@code contact-by-email}); the time is the server's.
 */
public record ConsentRequest(
        @NotBlank @Size(max = 40) String noticeVersion,
        @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = ProfileRequest.TAG,
                message = ProfileRequest.TAG_MESSAGE) String> agreedTo) {
}
