package cn.doorstep.media;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.media.*}.
 *
 * @param dir            where images are written (nginx's {@code $media_root} in production)
 * @param baseUrl        the URL of that folder as phones reach it, without a trailing slash
 * @param uploadsPerHour uploads one user may make per hour
 * @param maxPixels      width × height an image may have; read from its header, never decoded
 * @param withdrawnDir   where an image WeChat found risky is moved to: out of the served folder, kept for admins
 * @param checkScene     WeChat's scene for the media check: 1 资料, 2 评论, 3 论坛, 4 社交日志
 * @param checkRetryAfter an image WeChat did not take (down, busy) is sent again this long after the last try
 * @param checkDeadline  a check without a verdict this long after it was sent is sent again
 * @param checkAttempts  sends per image; after the last one without a verdict an admin decides (REVIEW)
 */
@ConfigurationProperties("doorstep.media")
public record MediaProperties(
        @DefaultValue("./data/media") Path dir,
        @DefaultValue("http://localhost:8080/media") String baseUrl,
        @DefaultValue("60") int uploadsPerHour,
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("./data/media-withdrawn") Path withdrawnDir,
        @DefaultValue("3") int checkScene,
        @DefaultValue("1m") Duration checkRetryAfter,
        @DefaultValue("30m") Duration checkDeadline,
        @DefaultValue("3") int checkAttempts) {

    public MediaProperties {
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }
}
