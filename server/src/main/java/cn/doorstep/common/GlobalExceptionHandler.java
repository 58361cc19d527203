package cn.doorstep.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every failure as the one error body. Input problems become 400s that name each field;
 * nothing about a failure's internals (SQL, stack, WeChat secrets) reaches the reply.
 */
@RestControllerAdvice
class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Object>> api(ApiException e) {
        var reply = ResponseEntity.status(e.error().status());
        if (e instanceof RateLimitedException limited) {
            reply.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return reply.body(ApiResponse.error(e.error(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiResponse<Object>> bind(BindException e) {
        var problems = new ArrayList<ApiResponse.FieldProblem>();
        e.getFieldErrors().forEach(f -> problems.add(new ApiResponse.FieldProblem(f.getField(),
                f.getCode() != null && f.getCode().equals("typeMismatch") ? "has the wrong type" : f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> problems.add(new ApiResponse.FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return invalid(problems);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Object>> methodValidation(HandlerMethodValidationException e) {
        var problems = new ArrayList<ApiResponse.FieldProblem>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> problems.add(new ApiResponse.FieldProblem(
                    error instanceof org.springframework.validation.FieldError f ? f.getField() : name,
                    error.getDefaultMessage())));
        });
        return invalid(problems);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Object>> constraint(ConstraintViolationException e) {
        var problems = e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return new ApiResponse.FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList();
        return invalid(problems);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new ApiResponse.FieldProblem(e.getName(), expectation(e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Object>> missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(new ApiResponse.FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiResponse<Object>> missingHeader(MissingRequestHeaderException e) {
        return invalid(List.of(new ApiResponse.FieldProblem(e.getHeaderName(), "header is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Object>> unreadable(HttpMessageNotReadableException e) {
        if (hasCause(e, BodyTooLargeException.class)) {
            return failure(CommonError.BODY_TOO_LARGE, CommonError.BODY_TOO_LARGE.message(), null);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new ApiResponse.FieldProblem(path(unknown), "is not a field of this request")));
        }
        if (cause instanceof InvalidFormatException format) {
            return invalid(List.of(new ApiResponse.FieldProblem(path(format), expectation(format.getTargetType()))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new ApiResponse.FieldProblem(path(mismatch), expectation(mismatch.getTargetType()))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(List.of(new ApiResponse.FieldProblem(path(mapping), "has an invalid value")));
        }
        if (cause instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr();
            return failure(CommonError.MALFORMED_JSON, "The request body is not valid JSON" + where, null);
        }
        return failure(CommonError.MALFORMED_JSON, "The request body is missing or unreadable", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Object>> method(HttpRequestMethodNotSupportedException e) {
        return failure(CommonError.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return failure(CommonError.UNSUPPORTED_MEDIA_TYPE, CommonError.UNSUPPORTED_MEDIA_TYPE.message(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Object>> noResource(NoResourceFoundException e) {
        return failure(CommonError.NOT_FOUND, "No such path: /" + e.getResourcePath(), null);
    }

    @ExceptionHandler(NoHandlerFoundException.class)
    ResponseEntity<ApiResponse<Object>> noHandler(NoHandlerFoundException e) {
        return failure(CommonError.NOT_FOUND, "No such path: " + e.getRequestURL(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiResponse<Object>> denied(AccessDeniedException e) {
        return failure(CommonError.FORBIDDEN, CommonError.FORBIDDEN.message(), null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ApiResponse<Object>> duplicate(DuplicateKeyException e) {
        log.info("Unique key rejected a write: {}", e.getMostSpecificCause().getMessage());
        return failure(CommonError.CONFLICT, "This already exists", null);
    }


    /** The client went away mid-reply (a phone lost signal): nobody is left to answer, nothing is wrong here. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    /**
     * Everything else. A lost database or Redis, however wrapped (Spring, MyBatis, a transaction that
     * could not begin), is a 503 naming it; the rest is a 500 whose details stay in the log.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Object>> unexpected(Exception e) {
        if (hasCause(e, java.io.IOException.class) && e.getClass().getSimpleName().equals("ClientAbortException")) {
            log.debug("Client disconnected: {}", e.getMessage());
            return null;
        }
        var outage = Outages.classify(e);
        if (outage.isPresent()) {
            // one line per request, no stack: during an outage every request fails the same way
            log.warn("{}: {}", outage.get().message(), mostSpecific(e));
            return failure(outage.get(), outage.get().message(), null);
        }
        log.error("Unhandled failure", e);
        return failure(CommonError.INTERNAL_ERROR, CommonError.INTERNAL_ERROR.message(), null);
    }

    private static ResponseEntity<ApiResponse<Object>> invalid(List<ApiResponse.FieldProblem> problems) {
        String message = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        return failure(CommonError.VALIDATION_FAILED, message, new ApiResponse.FieldErrors(problems));
    }

    private static ResponseEntity<ApiResponse<Object>> failure(ErrorCode error, String message, Object details) {
        return ResponseEntity.status(error.status()).body(ApiResponse.error(error, message, details));
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (java.time.temporal.TemporalAccessor.class.isAssignableFrom(type)) {
            return DateRange.EXPECTED;
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has the wrong type";
    }

    private static String mostSpecific(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
