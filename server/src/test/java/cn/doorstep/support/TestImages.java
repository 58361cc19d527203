package cn.doorstep.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real images for upload tests, drawn with the JDK; one with what phones write into photos: GPS. */
public final class TestImages {

    /** Where the GPS EXIF block below says the photo was taken: 43° 51' 12.34" N, as TIFF rationals. */
    public static final byte[] LATITUDE_RATIONALS = {
            0, 0, 0, 43, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0x04, (byte) 0xD2, 0, 0, 0, 100};
    public static final String XMP_MARK = "exif:GPSLatitude";
    public static final String COMMENT_MARK = "shot-at-home-3-2-501";

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return draw(width, height, "png");
    }

    public static byte[] jpeg(int width, int height) {
        return draw(width, height, "jpg");
    }

    /**
     * A phone photo: a JPEG with an EXIF block holding orientation 6 (rotate 90°) and a GPS position,
     * an XMP block repeating the position, and a comment.
     */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] plain = jpeg(width, height);
        var out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.writeBytes(segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), gpsTiff())));
        out.writeBytes(segment(0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description " + XMP_MARK
                + "=\"43,51.2057N\"/></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(segment(0xFE, COMMENT_MARK.getBytes(StandardCharsets.US_ASCII)));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 {Orientation=6, GPSInfo→}, GPS IFD {LatitudeRef=N, Latitude=43/1 51/1 1234/100}. */
    private static byte[] gpsTiff() {
        var t = new ByteArrayOutputStream();
        t.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        t.writeBytes(new byte[] {0, 2});
        t.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0});
        t.writeBytes(new byte[] {(byte) 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38});
        t.writeBytes(new byte[] {0, 0, 0, 0});
        t.writeBytes(new byte[] {0, 2});
        t.writeBytes(new byte[] {0, 1, 0, 2, 0, 0, 0, 2, 'N', 0, 0, 0});
        t.writeBytes(new byte[] {0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 68});
        t.writeBytes(new byte[] {0, 0, 0, 0});
        t.writeBytes(LATITUDE_RATIONALS);
        return t.toByteArray();
    }

    private static byte[] segment(int marker, byte[] data) {
        var s = new ByteArrayOutputStream();
        s.write(0xFF);
        s.write(marker);
        int length = data.length + 2;
        s.write(length >> 8);
        s.write(length & 0xFF);
        s.writeBytes(data);
        return s.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] draw(int width, int height, String format) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xC8102E));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
