package org.civictaskforce.identity.signin;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The sign-in form's extras for {@link AccountSignIn}: the optional one-time code (form field {@value #FIELD}).
 * The code is transient and {@link AccountSignIn} replaces these details by plain {@link WebAuthenticationDetails}
 * after sign-in, so it is never stored with the authorization.
 */
public class SignInDetails extends WebAuthenticationDetails {
    private static final long serialVersionUID = 1L;
    public static final String FIELD = "otp";

    private final transient String oneTimeCode;

    public SignInDetails(HttpServletRequest request) {
        super(request);
        this.oneTimeCode = request.getParameter(FIELD);
    }

    public String oneTimeCode() {
        return oneTimeCode;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
