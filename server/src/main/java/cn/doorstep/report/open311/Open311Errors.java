package cn.doorstep.report.open311;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.Outages;
import cn.doorstep.common.RateLimitedException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Failures of the Open311 endpoints in the standard's shape, {@code [{"code": <HTTP status>, "description": ...}]},
 * with the HTTP status; consulted before the common handler, for {@link Open311Controller} only.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<List<Open311.Error>> api(ApiException e) {
        HttpStatus status = e.error().status();
        var reply = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (e instanceof RateLimitedException limited) {
            reply.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return reply.body(List.of(new Open311.Error(status.value(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<List<Open311.Error>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + " must be a number");
    }

    /** Anything else: the common 500 or 503 status, the details only in the log. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<List<Open311.Error>> unexpected(Exception e) {
        var outage = Outages.classify(e);
        if (outage.isPresent()) {
            log.warn("Open311: {}: {}", outage.get().message(), e.toString());
            return error(outage.get().status(), outage.get().message());
        }
        log.error("Open311 request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "The server failed to answer; try again later");
    }

    private static ResponseEntity<List<Open311.Error>> error(HttpStatus status, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(new Open311.Error(status.value(), description)));
    }
}
