package cn.doorstep.media;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.media.*}.
 *
 * @param dir            where images are written with storage local (nginx's {@code $media_root} in production)
 * @param baseUrl        the URL of /media/ as phones reach it, without a trailing slash (either storage)
 * @param uploadsPerHour uploads one user may make per hour
 * @param maxPixels      width × height an image may have; read from its header, never decoded
 * @param withdrawnDir   where an image WeChat found risky is moved to: out of the served folder, kept for admins
 * @param checkScene     WeChat's scene for the media check: 1 资料, 2 评论, 3 论坛, 4 社交日志
 * @param checkRetryAfter an image WeChat did not take (down, busy) is sent again this long after the last try
 * @param checkDeadline  a check without a verdict this long after it was sent is sent again
 * @param checkAttempts  sends per image; after the last one without a verdict an admin decides (REVIEW)
 * @param storage        where image files live: {@code local} ({@code dir}, served by nginx; one machine) or
 *                       {@code s3} (an S3-compatible bucket every instance reads, served by the app at /media/)
 * @param s3             the bucket, when {@code storage} is {@code s3}
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
        @DefaultValue("3") int checkAttempts,
        @DefaultValue("local") Storage storage,
        @DefaultValue S3 s3) {

    public MediaProperties {
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    public enum Storage { LOCAL, S3 }

    /**
     * {@code doorstep.media.s3.*}: an S3-compatible bucket (Tencent COS, Aliyun OSS, MinIO, AWS).
     *
     * @param endpoint        the service's URL, e.g. {@code https://cos.ap-beijing.myqcloud.com}; empty: AWS's for the region
     * @param region          the bucket's region as the service names it (COS {@code ap-beijing}, OSS {@code cn-beijing})
     * @param bucket          the bucket (required with {@code storage: s3}); keep it private: the app serves its images
     * @param pathStyle       {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key} (MinIO; COS and OSS want false)
     * @param accessKey       the access key id; empty: the SDK's default chain (AWS_ACCESS_KEY_ID, instance roles)
     * @param secretKey       its secret; never logged
     * @param prefix          key prefix of served images (a stored path {@code 202612/x.jpg} is {@code <prefix>202612/x.jpg})
     * @param withdrawnPrefix key prefix withdrawn images are kept under, never served
     * @param timeout         one call to the bucket, retries included: an unreachable bucket answers 503 by then
     */
    public record S3(
            String endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            @DefaultValue("false") boolean pathStyle,
            String accessKey,
            String secretKey,
            @DefaultValue("media/") String prefix,
            @DefaultValue("media-withdrawn/") String withdrawnPrefix,
            @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() { // the secret stays out of any log or error that prints the properties
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + ", prefix=" + prefix + ", withdrawnPrefix=" + withdrawnPrefix + ", timeout=" + timeout + "]";
        }
    }
}
