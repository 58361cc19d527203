package cn.doorstep.media;

import cn.doorstep.media.MediaProperties.S3;
import cn.doorstep.media.internal.ImageStore;
import cn.doorstep.media.internal.LocalImageStore;
import cn.doorstep.media.internal.S3ImageStore;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@link ImageStore} {@code doorstep.media.storage} names: the local folder (the default, and what
 * the README's run command and the default tests use) or an S3-compatible bucket shared by every
 * instance. A bucket that does not answer at startup is logged, not fatal: uploads answer 503 41005
 * until it does, like any other outage.
 */
@Configuration(proxyBeanMethods = false)
class MediaStorage {

    private static final Logger log = LoggerFactory.getLogger(MediaStorage.class);

    @Bean
    ImageStore imageStore(MediaProperties properties) {
        if (properties.storage() == MediaProperties.Storage.LOCAL) {
            return new LocalImageStore(properties.dir(), properties.withdrawnDir());
        }
        S3 s3 = properties.s3();
        require(s3.bucket() != null && !s3.bucket().isBlank(), "doorstep.media.s3.bucket (DOORSTEP_MEDIA_S3_BUCKET)");
        require(!s3.prefix().startsWith(s3.withdrawnPrefix()) && !s3.withdrawnPrefix().startsWith(s3.prefix()),
                "doorstep.media.s3.prefix and withdrawn-prefix apart (neither inside the other)");
        S3Client client = client(s3);
        try {
            client.headBucket(head -> head.bucket(s3.bucket()));
            log.info("Images are stored in bucket {} under {}", s3.bucket(), s3.prefix());
        } catch (SdkException e) {
            log.warn("Bucket {} did not answer at startup ({}); uploads answer 503 until it does", s3.bucket(),
                    e.getClass().getSimpleName());
        }
        return new S3ImageStore(client, s3.bucket(), s3.prefix(), s3.withdrawnPrefix());
    }

    static S3Client client(S3 s3) {
        var builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials(s3))
                .forcePathStyle(s3.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(s3.timeout().dividedBy(5))
                        .socketTimeout(s3.timeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(s3.timeout()));
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3 s3) {
        if (s3.accessKey() == null || s3.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        require(s3.secretKey() != null && !s3.secretKey().isBlank(),
                "doorstep.media.s3.secret-key (DOORSTEP_MEDIA_S3_SECRET_KEY) with the access key");
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("doorstep.media.storage is s3: set " + what);
        }
    }
}
