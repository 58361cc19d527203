package cn.doorstep.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes the error body from places outside Spring MVC: servlet filters and Spring Security. */
@Component
public class ErrorResponseWriter {

    private final ObjectMapper json;

    ErrorResponseWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorCode error, String message) throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiResponse.error(error, message, null));
    }
}
