package org.civictaskforce.identity.accounts;

import java.util.List;

import org.springframework.security.core.userdetails.User;

/**
 * The signed-in principal. Its name is the token subject (person id or account id), never the username,
 * so the authorization server stores and issues ids only.
 */
public class AccountPrincipal extends User {
    private static final long serialVersionUID = 1L;
    private final String accountId;

    public AccountPrincipal(Account account, boolean locked) {
        super(account.subject(), account.passwordHash(), true, true, true, !locked, List.of());
        this.accountId = account.id();
    }

    public String accountId() {
        return accountId;
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
