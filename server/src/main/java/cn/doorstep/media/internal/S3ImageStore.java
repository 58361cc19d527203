package cn.doorstep.media.internal;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Images in an S3-compatible bucket (Tencent COS, Aliyun OSS, MinIO, AWS) that every instance reads:
 * served objects under {@code prefix}, withdrawn ones copied under {@code withdrawnPrefix} and deleted
 * from the served prefix, which is all the app serves ({@code MediaFiles}). A PUT is atomic in S3, so
 * nobody reads half an image. The client's credentials never reach a log line.
 */
public class S3ImageStore implements ImageStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);
    /** A stored name never changes content: caches (a CDN in front of the bucket, phones) keep it a year. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String withdrawnPrefix;

    public S3ImageStore(S3Client s3, String bucket, String prefix, String withdrawnPrefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.withdrawnPrefix = withdrawnPrefix;
    }

    /** The object key of a served image. */
    public String keyOf(String path) {
        return prefix + path;
    }

    /** The object key a withdrawn image is kept under. */
    public String withdrawnKeyOf(String path) {
        return withdrawnPrefix + path;
    }

    @Override
    public boolean create(String path, byte[] bytes, String contentType) throws IOException {
        try {
            s3.putObject(put -> put.bucket(bucket).key(keyOf(path)).contentType(contentType)
                    .contentLength((long) bytes.length).cacheControl(CACHE_CONTROL), RequestBody.fromBytes(bytes));
            return true; // 128 random bits: a name already taken is not worth a round trip to ask
        } catch (SdkException e) {
            throw new IOException("Bucket refused or did not answer the image's PUT: " + describe(e), e);
        }
    }

    @Override
    public Optional<StoredImage> open(String path) throws IOException {
        try {
            var object = s3.getObject(get -> get.bucket(bucket).key(keyOf(path)));
            var response = object.response();
            String type = response.contentType() == null ? LocalImageStore.contentTypeOf(path) : response.contentType();
            return Optional.of(new StoredImage(object, response.contentLength(), type));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("Reading an image from the bucket failed: " + describe(e), e);
        } catch (SdkException e) {
            throw new IOException("Reading an image from the bucket failed: " + describe(e), e);
        }
    }

    @Override
    public void withdraw(String path) {
        try {
            s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(keyOf(path))
                    .destinationBucket(bucket).destinationKey(withdrawnKeyOf(path)));
        } catch (NoSuchKeyException gone) {
            if (!exists(withdrawnKeyOf(path))) {
                log.warn("Withdrawn image {} was under neither prefix of the bucket", path);
            }
            return; // withdrawn already (a redelivered verdict)
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IllegalStateException("Could not copy withdrawn image " + path + " out of the served prefix: "
                        + describe(e), e);
            }
            return;
        } catch (SdkException e) {
            throw new IllegalStateException("Could not copy withdrawn image " + path + " out of the served prefix: "
                    + describe(e), e);
        }
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(keyOf(path)));
        } catch (SdkException e) {
            throw new IllegalStateException("Could not delete withdrawn image " + path + " from the served prefix: "
                    + describe(e), e);
        }
    }

    @Override
    public void deleteQuietly(String path) {
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(keyOf(path)));
        } catch (SdkException e) {
            log.warn("Could not delete image {} from the bucket: {}", path, describe(e));
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private boolean exists(String key) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The SDK's message: status, error code and request id; never the request's signature or keys. */
    private static String describe(SdkException e) {
        if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
            return s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
