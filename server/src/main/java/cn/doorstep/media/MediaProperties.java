package cn.doorstep.media;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.media.*}.
 *
 * @param dir            where images are written (nginx's {@code $media_root} in production)
 * @param baseUrl        the URL of that folder as phones reach it, without a trailing slash
 * @param uploadsPerHour uploads one user may make per hour
 * @param maxPixels      width × height an image may have; read from its header, never decoded
 */
@ConfigurationProperties("doorstep.media")
public record MediaProperties(
        @DefaultValue("./data/media") Path dir,
        @DefaultValue("http://localhost:8080/media") String baseUrl,
        @DefaultValue("60") int uploadsPerHour,
        @DefaultValue("50000000") long maxPixels) {

    public MediaProperties {
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }
}
