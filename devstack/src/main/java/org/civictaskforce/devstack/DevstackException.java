package org.civictaskforce.devstack;

/**
 * A failure of the local stack with a message meant for a person: one line that says what went
 * wrong and what to do about it (the CLI prints {@link #getMessage()} as is).
 */
public class DevstackException extends RuntimeException {

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
