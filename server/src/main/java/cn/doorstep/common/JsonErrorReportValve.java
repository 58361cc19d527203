package cn.doorstep.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * Errors Tomcat answers itself, before any filter or servlet runs — a request line or header block
 * over {@code server.max-http-request-header-size} (8 KB), a malformed request — get the one JSON body
 * instead of Tomcat's HTML page. It replaces the Host's {@link ErrorReportValve} (see
 * {@link TomcatConfiguration}); errors inside the application still go through {@code /error}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    /** Tomcat's own text for an overlong request line or header block, in the JVM's language. */
    private static final String HEADER_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the HTML valve: only errors, only when nothing was written, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode error = status == 400 && throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())
                ? CommonError.REQUEST_TOO_LARGE : CommonError.forStatus(status);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(error));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrCommitted) {
            // nobody left to read it
        }
    }

    private String body(ErrorCode error) throws JsonProcessingException {
        return json.writeValueAsString(ApiResponse.error(error, error.message(), null));
    }
}
