package cn.doorstep.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at {@code doorstep.web.max-body-bytes}: a declared length over the cap is
 * refused before reading; a chunked body is cut off once it passes the cap. Multipart bodies are
 * refused (415) everywhere but the one upload endpoint, {@code POST /api/v1/media/images}, so no other
 * endpoint ever parses one; that endpoint's bodies are capped at {@code doorstep.web.max-upload-bytes}
 * by their declared length here, and by the multipart limits (spring.servlet.multipart.*) while parsed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The only path that accepts a multipart body (image uploads). */
    static final String UPLOAD_PATH = "/api/v1/media/images";

    private final long maxBytes;
    private final long maxUploadBytes;
    private final ErrorResponseWriter errors;

    RequestBodyLimitFilter(@Value("${doorstep.web.max-body-bytes:65536}") long maxBytes,
                           @Value("${doorstep.web.max-upload-bytes:10485760}") long maxUploadBytes,
                           ErrorResponseWriter errors) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) && "POST".equals(request.getMethod()) && UPLOAD_PATH.equals(request.getRequestURI())) {
            if (request.getContentLengthLong() > maxUploadBytes) {
                errors.write(response, CommonError.BODY_TOO_LARGE,
                        "The upload is larger than " + maxUploadBytes + " bytes");
                return;
            }
            chain.doFilter(request, response); // Tomcat reads multipart itself, within the multipart limits
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(response, CommonError.BODY_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes");
            return;
        }
        if (isMultipart(request)) {
            errors.write(response, CommonError.UNSUPPORTED_MEDIA_TYPE, CommonError.UNSUPPORTED_MEDIA_TYPE.message());
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
