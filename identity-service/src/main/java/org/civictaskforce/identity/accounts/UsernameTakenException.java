package org.civictaskforce.identity.accounts;

import org.civictaskforce.platform.problem.ConflictException;

/** Another account already uses the chosen username: a 409 problem. */
public class UsernameTakenException extends ConflictException {
    public UsernameTakenException() {
        super("That username is taken; choose another one.");
    }
}
