package cn.doorstep.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.doorstep.media.MediaProperties.S3;
import cn.doorstep.media.internal.S3ImageStore;
import cn.doorstep.support.S3MockServer;
import cn.doorstep.support.TestImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bucket store on its own, against S3Mock: withdrawal twice, an unreachable bucket, no secret in a log. */
class S3ImageStoreTest {

    static S3 settings(String endpoint, Duration timeout) {
        return new S3(endpoint, "us-east-1", S3MockServer.BUCKET, true, "test-access-key", "test-secret-key",
                "media/", "media-withdrawn/", timeout);
    }

    @Test
    void aWithdrawalDeliveredTwiceKeepsTheImageUnderTheWithdrawnPrefixAndServesNothing() throws IOException {
        S3 s3 = settings(S3MockServer.get().endpoint(), Duration.ofSeconds(10));
        try (var store = new S3ImageStore(MediaStorage.client(s3), s3.bucket(), s3.prefix(), s3.withdrawnPrefix())) {
            String path = "202612/" + UUID.randomUUID().toString().substring(0, 22).replace('-', '_') + ".png";
            byte[] png = TestImages.png(4, 4);
            assertThat(store.create(path, png, "image/png")).isTrue();
            try (var image = store.open(path).orElseThrow().content()) {
                assertThat(image.readAllBytes()).isEqualTo(png);
            }

            store.withdraw(path);
            store.withdraw(path); // a redelivered verdict

            assertThat(store.open(path)).isEmpty();
            try (var client = MediaStorage.client(s3)) {
                assertThat(client.getObjectAsBytes(get -> get.bucket(s3.bucket()).key(store.withdrawnKeyOf(path)))
                        .asByteArray()).isEqualTo(png);
            }
        }
    }

    @Test
    void anUnreachableBucketFailsTheWriteAndTheReadWithinTheTimeout() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        S3 s3 = settings("http://127.0.0.1:" + closed, Duration.ofSeconds(2));
        try (var store = new S3ImageStore(MediaStorage.client(s3), s3.bucket(), s3.prefix(), s3.withdrawnPrefix())) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> store.create("202612/AAAAAAAAAAAAAAAAAAAAAA.png", TestImages.png(2, 2), "image/png"))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> store.open("202612/AAAAAAAAAAAAAAAAAAAAAA.png")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> store.withdraw("202612/AAAAAAAAAAAAAAAAAAAAAA.png"))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theSettingsPrintWithoutTheSecretKey() {
        assertThat(settings("http://127.0.0.1:9000", Duration.ofSeconds(1)).toString())
                .contains("doorstep-media").doesNotContain("test-secret-key").doesNotContain("test-access-key");
    }
}
