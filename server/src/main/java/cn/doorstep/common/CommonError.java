package cn.doorstep.common;

import org.springframework.http.HttpStatus;

public enum CommonError implements ErrorCode {
    VALIDATION_FAILED(10000, HttpStatus.BAD_REQUEST, "Some input is invalid; data.errors names each field"),
    MALFORMED_JSON(10001, HttpStatus.BAD_REQUEST, "The request body is not valid JSON"),
    BODY_TOO_LARGE(10002, HttpStatus.BAD_REQUEST, "The request body is larger than allowed"),
    REQUEST_TOO_LARGE(10003, HttpStatus.BAD_REQUEST, "The request line or headers are too large"),
    EXPORT_TOO_LARGE(10004, HttpStatus.BAD_REQUEST, "The export would have more rows than one spreadsheet may (50,000): narrow the dates or filters (data.errors names from)"),
    UNAUTHENTICATED(10100, HttpStatus.UNAUTHORIZED, "Sign in first: the bearer token is missing, invalid or expired"),
    FORBIDDEN(10300, HttpStatus.FORBIDDEN, "Your role does not allow this"),
    NOT_FOUND(10400, HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(10405, HttpStatus.METHOD_NOT_ALLOWED, "This path does not accept that HTTP method"),
    CONFLICT(10409, HttpStatus.CONFLICT, "The request conflicts with the current state"),
    UNSUPPORTED_MEDIA_TYPE(10415, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json"),
    IDEMPOTENCY_KEY_REUSED(10422, HttpStatus.UNPROCESSABLE_ENTITY, "This Idempotency-Key was used for another request; use a new key"),
    IDEMPOTENT_REQUEST_RUNNING(10410, HttpStatus.CONFLICT, "The first request with this Idempotency-Key is still running; retry shortly"),
    RATE_LIMITED(10429, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry after the Retry-After header's seconds"),
    INTERNAL_ERROR(10500, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side"),
    DEPENDENCY_UNAVAILABLE(10503, HttpStatus.SERVICE_UNAVAILABLE, "A service we depend on is unavailable; retry shortly"),
    DATABASE_UNAVAILABLE(10504, HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; retry shortly"),
    REDIS_UNAVAILABLE(10505, HttpStatus.SERVICE_UNAVAILABLE, "The cache and session store is unavailable; retry shortly");

    private final Spec spec;

    CommonError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** The entry for an HTTP status nothing more specific explains (an error of the servlet container). */
    static CommonError forStatus(int status) {
        for (CommonError error : values()) {
            if (error.status().value() == status) {
                return error;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
    }
}
