package cn.doorstep.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Uploads are images by their bytes, come back without metadata, and land under names nobody can guess. */
@IntegrationTest
class MediaTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MediaProperties properties;
    @Autowired
    StringRedisTemplate redis;

    SignedIn me;

    @BeforeEach
    void signIn() {
        me = users.resident();
    }

    @Test
    void aJpegWithGpsExifComesBackWithoutItButUpright() throws IOException {
        byte[] photo = TestImages.jpegWithGps(120, 80);
        assertThat(TestImages.contains(photo, TestImages.LATITUDE_RATIONALS)).as("the test photo has a position").isTrue();

        MvcTestResult reply = upload("IMG_0001.jpg", "image/jpeg", photo);

        assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.contentType").isEqualTo("image/jpeg");
        String url = Http.read(reply, "$.data.url");
        byte[] stored = Files.readAllBytes(fileOf(url));
        assertThat(TestImages.contains(stored, TestImages.LATITUDE_RATIONALS)).as("GPS latitude").isFalse();
        assertThat(TestImages.contains(stored, new byte[] {(byte) 0x88, 0x25})).as("GPS IFD pointer").isFalse();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.XMP_MARK)
                .doesNotContain(TestImages.COMMENT_MARK).doesNotContain("GPS");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored))).as("still a JPEG").isNotNull()
                .satisfies(image -> assertThat(image.getWidth()).isEqualTo(120));
        assertThat(stored[stored.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(stored[stored.length - 1] & 0xFF).isEqualTo(0xD9);
        assertThat(orientationOf(stored)).as("the orientation alone is kept").isEqualTo(6);
        assertThat(jdbc.queryForObject("select bytes from media_image where owner_id = ?", Integer.class, me.id()))
                .isEqualTo(stored.length);
    }

    @Test
    void aPhpFileRenamedJpgIsRefused() {
        byte[] php = "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII);

        assertThat(upload("shell.jpg", "image/jpeg", php)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(41001);
        assertThat(jdbc.queryForObject("select count(*) from media_image where owner_id = ?", Integer.class, me.id()))
                .isZero();
    }

    @Test
    void aPngIsStoredUnderAnUnguessableNameReadableByNginx() throws IOException {
        MvcTestResult reply = upload("a.png", "image/png", TestImages.png(64, 48));

        assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.width").isEqualTo(64);
        String url = Http.read(reply, "$.data.url");
        assertThat(url).matches("https://media\\.doorstep\\.test/media/[0-9]{6}/[A-Za-z0-9_-]{22}\\.png");
        Path file = fileOf(url);
        assertThat(ImageIO.read(file.toFile()).getHeight()).isEqualTo(48);
        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                .as("no temporary file is left").noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void aPngsTextChunksAreDropped() throws IOException {
        byte[] png = withTextChunk(TestImages.png(10, 10), "Location", "43.85,126.55");

        String url = Http.read(upload("b.png", "image/png", png), "$.data.url");

        byte[] stored = Files.readAllBytes(fileOf(url));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("43.85,126.55").doesNotContain("tEXt");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored))).isNotNull();
    }

    @Nested
    class Refused {

        @Test
        void anImageWithMorePixelsThanAllowedIsRefusedFromItsHeader() {
            byte[] png = TestImages.png(10, 10);
            // claim 100000 × 100000 pixels in the header: a bomb is refused before anything is decoded
            png[16] = 0;
            png[17] = 1;
            png[18] = (byte) 0x86;
            png[19] = (byte) 0xA0;
            png[20] = 0;
            png[21] = 1;
            png[22] = (byte) 0x86;
            png[23] = (byte) 0xA0;
            var crc = new java.util.zip.CRC32();
            crc.update(png, 12, 17);
            System.arraycopy(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, png, 29, 4);

            assertThat(upload("bomb.png", "image/png", png)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(41003);
        }

        @Test
        void aTruncatedJpegIsNotAnImage() {
            byte[] jpeg = TestImages.jpeg(50, 50);
            byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);

            assertThat(upload("cut.jpg", "image/jpeg", cut)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(41001);
        }

        @Test
        void anUploadWithoutAFilePartNamesTheField() {
            assertThat(mvc.perform(multipart("/api/v1/media/images").header("Authorization", me.bearer())))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("file");
        }

        @Test
        void anonymousUploadsAreRefused() {
            assertThat(mvc.perform(multipart("/api/v1/media/images")
                    .file(new MockMultipartFile("file", "a.png", "image/png", TestImages.png(5, 5)))))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void theHourlyUploadLimitHolds() {
            redis.opsForValue().set("rate:media-upload:user:" + me.id(), String.valueOf(properties.uploadsPerHour()),
                    java.time.Duration.ofMinutes(30)); // this hour's uploads are used up

            assertThat(upload("a.png", "image/png", TestImages.png(5, 5))).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(jdbc.queryForObject("select count(*) from media_image where owner_id = ?", Integer.class, me.id()))
                    .isZero();
        }
    }

    MvcTestResult upload(String name, String type, byte[] bytes) {
        return mvc.perform(multipart("/api/v1/media/images").file(new MockMultipartFile("file", name, type, bytes))
                .header("Authorization", me.bearer()));
    }

    Path fileOf(String url) {
        return properties.dir().resolve(url.substring(properties.baseUrl().length() + 1));
    }

    /** The orientation in the stored JPEG's EXIF block (0 when there is none). */
    static int orientationOf(byte[] jpeg) {
        for (int i = 2; i + 4 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xE1) {
                return cn.doorstep.media.internal.ImageSanitizerAccess.orientation(jpeg, i + 4 + 6, i + 2 + length);
            }
            if (marker == 0xDA) {
                return 0;
            }
            i += 2 + length;
        }
        return 0;
    }

    /** Adds a tEXt chunk after IHDR, as cameras and editors do. */
    static byte[] withTextChunk(byte[] png, String key, String value) {
        byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
        var chunk = new java.io.ByteArrayOutputStream();
        var type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        chunk.writeBytes(type);
        chunk.writeBytes(data);
        var crc = new java.util.zip.CRC32();
        crc.update(type);
        crc.update(data);
        chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        int afterHeader = 8 + 25;
        var out = new java.io.ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.toByteArray());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
