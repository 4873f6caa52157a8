package org.civictaskforce.identity.signin;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The password was right but the account's one-time code is missing, wrong or used. An
 * {@link AccountStatusException} on purpose: Spring Security's {@code ProviderManager} tries the next provider
 * after a {@code BadCredentialsException}, and another provider that checks only the password would let the
 * person in; after this one it stops. The sign-in page shows the same message as for a wrong password.
 */
public class SecondFactorRefusedException extends AccountStatusException {
    private static final long serialVersionUID = 1L;

    public SecondFactorRefusedException() {
        super("Bad credentials");
    }
}
