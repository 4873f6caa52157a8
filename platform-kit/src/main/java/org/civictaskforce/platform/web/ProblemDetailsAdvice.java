package org.civictaskforce.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.platform.problem.ForbiddenException;
import org.civictaskforce.platform.problem.InvalidRequestException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.problem.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

/**
 * The one error handler: every error leaves as an RFC 9457 problem with a stable {@code type}, the
 * correlation id, and nothing from inside (no stack trace, no exception text from libraries, no
 * personal data).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(DomainRuleException.class)
    ProblemDetail rule(DomainRuleException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.DOMAIN_RULE, "Rule violated", e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", "That already exists.");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict",
                "Someone else changed this at the same time; reload and try again.");
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, ConstraintViolationException.class,
            InvalidRequestException.class })
    ProblemDetail badParameter(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                e instanceof MethodArgumentTypeMismatchException m
                        ? "Parameter '" + m.getName() + "' has an invalid value."
                        : "The request has an invalid value.");
    }

    /**
     * The store cannot be reached (within {@code platform.mongodb.server-selection-timeout}, shorter than the
     * gateway's wait): nothing was written, so the answer says so and when to try again. Logged as a warning without
     * the exception's message.
     */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException e) {
        log.warn("store unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Service unavailable",
                        "The service cannot reach its data right now; nothing was changed. Try again in a moment."));
    }

    /**
     * Everything else is our fault, an {@link IllegalArgumentException} included (a caller's bad value is an
     * {@link InvalidRequestException}): logged with its whole stack but without any exception's message, which may
     * quote input and personal data.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected {}", StackTraces.withoutMessages(e));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "Something went wrong on our side. Quote the correlation id when reporting it.");
    }

    /*
     * One rule for every service: a body that is JSON of the right shape but breaks a field's rule (too
     * long, blank, too many items, out of range) is 422, like a broken domain rule; a request that cannot
     * be read as the endpoint's request at all (malformed JSON, unknown property, wrong type) or a bad
     * path or query parameter is 400.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.VALIDATION, "Invalid request",
                "Some fields are invalid.");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError).toList();
        body.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a @Valid body of a method that also constrains its parameters is reported here, not above
        boolean ofBody = ex.getParameterValidationResults().stream()
                .anyMatch(r -> r.getMethodParameter().hasParameterAnnotation(RequestBody.class));
        if (!ofBody) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                    "Invalid request", "Some parameters are invalid."));
        }
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.VALIDATION, "Invalid request",
                "Some fields are invalid.");
        body.setProperty("errors", ex.getBeanResults().stream()
                .filter(r -> r.getMethodParameter().hasParameterAnnotation(RequestBody.class))
                .flatMap(r -> r.getFieldErrors().stream()).map(ProblemDetailsAdvice::fieldError).toList());
        return ResponseEntity.unprocessableContent().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED,
                "Malformed request", "The body is not valid JSON of the expected shape."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(problem(HttpStatus.METHOD_NOT_ALLOWED,
                ProblemTypes.METHOD, "Method not allowed", "Method " + ex.getMethod() + " is not supported here."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.MEDIA_TYPE, "Unsupported media type",
                "Send application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "Not found", "No such resource."));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setProperty("correlationId", CorrelationId.current());
            problem.setInstance(null);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static Map<String, String> fieldError(FieldError error) {
        // "code" is the constraint's name (NotBlank, Size, Email…): the web client chooses its words by it
        return Map.of("field", error.getField(), "code", error.getCode() == null ? "Invalid" : error.getCode(),
                "message", error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
    }

    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }
}
