package cn.doorstep.media;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.MutableClock;
import cn.doorstep.support.S3MockServer;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestInfrastructure;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Images in an S3 bucket ({@code doorstep.media.storage=s3}) against S3Mock in its own JVM: an upload
 * through the API lands in the bucket cleaned of its GPS position, the app serves the same bytes at its
 * URL, a second instance sharing the bucket serves it too, and a withdrawn image is served by neither.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "doorstep.media.storage=s3",
        "doorstep.media.s3.region=us-east-1",
        "doorstep.media.s3.bucket=" + S3MockServer.BUCKET,
        "doorstep.media.s3.path-style=true",
        "doorstep.media.s3.access-key=test-access-key",
        "doorstep.media.s3.secret-key=test-secret-key",
        // one send to WeChat, then an admin decides: the withdrawal below needs no signed callback
        "doorstep.media.check-attempts=1"})
@ActiveProfiles("test")
@Import(TestInfrastructure.class)
class S3StorageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    MediaProperties properties;
    @Autowired
    MediaService media;
    @Autowired
    MediaChecks checks;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    S3Client bucket;
    SignedIn me;

    @DynamicPropertySource
    static void bucketEndpoint(DynamicPropertyRegistry registry) {
        registry.add("doorstep.media.s3.endpoint", () -> S3MockServer.get().endpoint());
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        weChat.reset();
        weChat.accessToken();
        weChat.mediaCheckAnswers(WeChatStubs.serverError()); // stays PENDING: serving does not wait for the check
        bucket = MediaStorage.client(properties.s3());
        me = users.resident();
    }

    @AfterEach
    void tearDown() {
        bucket.close();
        clock.set(Instant.now());
    }

    @Test
    void anUploadIsStoredInTheBucketWithoutItsGpsAndServedAtItsUrlWithTheSameBytes() throws Exception {
        String url = upload(TestImages.jpegWithGps(40, 30));

        byte[] stored = bucket.getObjectAsBytes(get -> get.bucket(S3MockServer.BUCKET).key("media/" + pathOf(url)))
                .asByteArray();
        assertThat(TestImages.contains(stored, TestImages.LATITUDE_RATIONALS)).as("GPS stripped").isFalse();
        assertThat(stored).startsWith(0xFF, 0xD8);
        HttpResponse<byte[]> served = get(port, url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(stored);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("Cache-Control")).get().asString().contains("max-age=31536000");
        assertThat(jdbc.queryForObject("select bytes from media_image where path = ?", Integer.class, pathOf(url)))
                .isEqualTo(stored.length);
    }

    @Test
    void anImageNeverStoredIsNotFoundAndOtherPathsAreNotServed() throws Exception {
        String missing = properties.baseUrl() + "/202612/AAAAAAAAAAAAAAAAAAAAAA.png";

        assertThat(get(port, missing).statusCode()).isEqualTo(404);
        assertThat(get(port, properties.baseUrl() + "/202612/").statusCode()).isEqualTo(404);
        assertThat(get(port, properties.baseUrl() + "/../media-withdrawn/x.jpg").statusCode()).isIn(400, 404);
    }

    /** Another instance: its own application context and Tomcat on the same database, Redis and bucket. */
    @Nested
    @TestPropertySource(properties = "spring.application.name=doorstep-second-instance")
    class OnASecondInstance {

        @LocalServerPort
        int secondPort;

        @Test
        void anImageUploadedToOneInstanceIsServedByTheOther() throws Exception {
            assertThat(secondPort).isNotEqualTo(port);
            String url = upload(TestImages.png(12, 9));

            HttpResponse<byte[]> fromSecond = get(secondPort, url);

            assertThat(fromSecond.statusCode()).isEqualTo(200);
            assertThat(fromSecond.body()).isEqualTo(get(port, url).body());
            assertThat(fromSecond.headers().firstValue("Content-Type")).hasValue("image/png");
        }

        @Test
        void aWithdrawnImageIsServedByNeitherInstanceAndKeptUnderTheWithdrawnPrefix() throws Exception {
            String url = upload(TestImages.jpeg(20, 20));
            assertThat(get(secondPort, url).statusCode()).isEqualTo(200);
            clock.set(clock.instant().plus(properties.checkRetryAfter()));
            checks.resendDue(); // its one attempt used without a verdict: an admin decides
            assertThat(jdbc.queryForObject("select check_status from media_image where path = ?", String.class,
                    pathOf(url))).isEqualTo("REVIEW");

            assertThat(media.review(List.of(url), false)).isEqualTo(1);

            assertThat(get(port, url).statusCode()).isEqualTo(404);
            assertThat(get(secondPort, url).statusCode()).isEqualTo(404);
            assertThat(keyExists("media/" + pathOf(url))).isFalse();
            assertThat(keyExists("media-withdrawn/" + pathOf(url))).isTrue();
        }
    }

    String upload(byte[] image) throws Exception {
        String boundary = "----S3StorageTestBoundary";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tmp.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/media/images"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", me.bearer())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return json.readTree(reply.body()).path("data").path("url").asText();
    }

    /** GET of an image URL from one instance: the base URL's host is nginx's in production, the app's here. */
    HttpResponse<byte[]> get(int instancePort, String url) throws Exception {
        String path = URI.create(url).getRawPath();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instancePort + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    String pathOf(String url) {
        return url.substring(properties.baseUrl().length() + 1);
    }

    boolean keyExists(String key) {
        try {
            bucket.headObject(head -> head.bucket(S3MockServer.BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
