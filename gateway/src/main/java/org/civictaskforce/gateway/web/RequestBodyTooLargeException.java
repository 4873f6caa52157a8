package org.civictaskforce.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** A request body beyond {@link EntranceProperties#maxRequestBodySize()}: answered with 413. */
public class RequestBodyTooLargeException extends ResponseStatusException {

    public RequestBodyTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Request body larger than " + limit.toBytes() + " bytes");
    }
}
