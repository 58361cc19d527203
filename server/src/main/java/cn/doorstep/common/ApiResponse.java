package cn.doorstep.common;

import java.util.List;

/**
 * The one body shape of every reply: {@code code} 0 is success, anything else is an entry of the
 * error catalogue (see {@link ErrorCode}); {@code data} holds the payload or the error's details.
 */
public record ApiResponse<T>(int code, String message, T data) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(0, "ok", data);
    }

    public static ApiResponse<Object> error(ErrorCode error, String message, Object details) {
        return new ApiResponse<>(error.code(), message, details);
    }

    /** Details of a 400: every input that was rejected, by name. */
    public record FieldErrors(List<FieldProblem> errors) {
    }

    public record FieldProblem(String field, String message) {
    }
}
