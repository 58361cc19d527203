package cn.doorstep.common;

import java.util.List;

/**
 * A failure the caller can act on: rendered with its catalogue entry's HTTP status and code.
 * {@code details} travels as the reply's {@code data} (for example the field that was wrong).
 * <p>
 * It is an answer, not a fault: it carries no stack trace. Filling one in walks the whole filter and
 * dispatch stack on every refusal ("full", "sold out" in a burst), and nothing reads it: the handler
 * answers with the code and message, and logs nothing.
 */
public class ApiException extends RuntimeException {

    private final transient ErrorCode error;
    private final transient Object details;

    public ApiException(ErrorCode error) {
        this(error, error.message(), null);
    }

    public ApiException(ErrorCode error, String message) {
        this(error, message, null);
    }

    public ApiException(ErrorCode error, String message, Object details) {
        super(message, null, false, false);
        this.error = error;
        this.details = details;
    }

    /** A 400-style failure about one named input, shaped like a validation error. */
    public static ApiException badField(ErrorCode error, String field, String problem) {
        return new ApiException(error, field + ": " + problem,
                new ApiResponse.FieldErrors(List.of(new ApiResponse.FieldProblem(field, problem))));
    }

    public ErrorCode error() {
        return error;
    }

    public Object details() {
        return details;
    }
}
