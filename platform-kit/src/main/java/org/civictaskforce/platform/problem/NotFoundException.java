package org.civictaskforce.platform.problem;

/** Something the request names does not exist: answered as a 404 problem. Plain Java, usable by domain code. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist");
    }
}
