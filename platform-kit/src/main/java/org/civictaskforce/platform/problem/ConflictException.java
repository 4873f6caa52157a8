package org.civictaskforce.platform.problem;

/** The request conflicts with the current state (e.g. an impossible lifecycle transition): a 409 problem. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
