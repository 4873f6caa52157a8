package org.civictaskforce.platform.problem;

/** The caller is known but may not do this: answered as a 403 problem with the (non-personal) reason. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String reason) {
        super(reason);
    }
}
