package cn.doorstep.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Errors raised before Spring MVC (in the servlet container) still get the one body shape
 * instead of Spring Boot's default error JSON.
 */
@Hidden
@RestController
class FallbackErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiResponse<Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ErrorCode error = CommonError.forStatus(status);
        HttpStatus reply = HttpStatus.resolve(status) == null ? error.status() : HttpStatus.valueOf(status);
        return ResponseEntity.status(reply).body(ApiResponse.error(error, error.message(), null));
    }
}
