package org.civictaskforce.platform.problem;

/**
 * A value in the request that cannot be taken at all (a parameter the endpoint refuses, a missing one-time code, an
 * unknown time zone): a 400 problem. A plain {@link IllegalArgumentException} is a programming error and answered
 * 500; throw this where the value came from the caller. Extends {@code IllegalArgumentException} so plain-Java code
 * that documents "throws IllegalArgumentException for a bad value" keeps its contract.
 */
public class InvalidRequestException extends IllegalArgumentException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
