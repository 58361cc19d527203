package cn.doorstep.media;

import cn.doorstep.common.ApiResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The multipart parser's refusals, in the one error body. They happen before a handler is chosen,
 * so this advice is global, ahead of the common one (whose catch-all would answer 500). Only the
 * upload endpoint ever parses multipart (see common's RequestBodyLimitFilter).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaUploadErrors {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiResponse<Object>> tooLarge(MaxUploadSizeExceededException e) {
        return reply(MediaError.IMAGE_TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiResponse<Object>> malformed(MultipartException e) {
        return reply(MediaError.MALFORMED_UPLOAD);
    }

    private static ResponseEntity<ApiResponse<Object>> reply(MediaError error) {
        return ResponseEntity.status(error.status()).body(ApiResponse.error(error, error.message(), null));
    }
}
