package cn.doorstep.media;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.ServerTest;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Uploads through a real Tomcat, as wx.uploadFile sends them: its multipart parser and limits. */
@ServerTest
class UploadOverHttpTest {

    static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;

    SignedIn me;

    @BeforeEach
    void signIn() {
        me = users.resident();
    }

    @Test
    void aPhotoUploadIsStoredAndAnswered() throws Exception {
        HttpResponse<String> reply = send(multipart(TestImages.jpegWithGps(40, 30)));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("\"contentType\":\"image/jpeg\"").contains("\"width\":40");
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedAsTooLarge() throws Exception {
        byte[] big = Arrays.copyOf(TestImages.png(8, 8), 5 * 1024 * 1024 + 10);

        HttpResponse<String> reply = send(multipart(big));

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).contains("\"code\":41002");
    }

    @Test
    void aRequestDeclaringMoreThanTenMegabytesIsRefusedUnread() throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/media/images HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + me.bearer() + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: 11000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush(); // and not one byte of the body: the answer must not wait for it
            var reply = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!reply.toString().contains("}")) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                reply.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(reply.toString()).startsWith("HTTP/1.1 400").contains("\"code\":10002");
        }
    }

    private HttpResponse<String> send(byte[] body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/media/images"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", me.bearer())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What wx.uploadFile sends: one file part named "file", perhaps with form fields. */
    private static byte[] multipart(byte[] file) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tmp_abc.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
