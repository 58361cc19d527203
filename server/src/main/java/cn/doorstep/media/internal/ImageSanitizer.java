package cn.doorstep.media.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Recognises an image by its bytes and rewrites it without metadata, losslessly: the pixels' bytes
 * are copied as they are, never decoded, so a decompression bomb costs nothing here and its size is
 * read from the header. Dropped: JPEG APP1 (EXIF, XMP), APP13 (IPTC), other application segments
 * but JFIF, ICC profiles and Adobe's, comments; PNG eXIf, tEXt, iTXt, zTXt and tIME; WebP EXIF and
 * XMP. Whatever follows the image's end marker is dropped too (no polyglot survives). A JPEG's EXIF
 * orientation is kept alone, in a new minimal EXIF block, so an upright photo stays upright.
 */
public final class ImageSanitizer {

    public enum Format {
        JPEG("image/jpeg", "jpg"),
        PNG("image/png", "png"),
        WEBP("image/webp", "webp");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    /** The image as stored: its format, size in pixels and the bytes without metadata. */
    public record Clean(Format format, int width, int height, byte[] bytes) {
    }

    /** Why an upload is refused. */
    public static final class Rejected extends Exception {
        private final boolean tooManyPixels;

        Rejected(String reason, boolean tooManyPixels) {
            super(reason, null, false, false);
            this.tooManyPixels = tooManyPixels;
        }

        public boolean tooManyPixels() {
            return tooManyPixels;
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");

    private ImageSanitizer() {
    }

    public static Clean sanitize(byte[] in, long maxPixels) throws Rejected {
        try {
            return recognise(in, maxPixels);
        } catch (IndexOutOfBoundsException malformed) {
            throw notAnImage("malformed"); // a length field pointing past the end that a check missed
        }
    }

    private static Clean recognise(byte[] in, long maxPixels) throws Rejected {
        if (startsWith(in, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return new Jpeg(in, maxPixels).clean();
        }
        if (startsWith(in, PNG_SIGNATURE)) {
            return png(in, maxPixels);
        }
        if (in.length >= 12 && startsWith(in, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && "WEBP".equals(ascii(in, 8, 4))) {
            return webp(in, maxPixels);
        }
        throw notAnImage("not a JPEG, PNG or WebP");
    }

    // ---- JPEG ----------------------------------------------------------------------------------

    private static final class Jpeg {
        private final byte[] in;
        private final long maxPixels;
        private final List<byte[]> segments = new ArrayList<>();
        private int orientation;
        private int width = -1;
        private int height = -1;
        private boolean scanned;

        Jpeg(byte[] in, long maxPixels) {
            this.in = in;
            this.maxPixels = maxPixels;
        }

        Clean clean() throws Rejected {
            int pos = 2;
            boolean ended = false;
            while (pos < in.length && !ended) {
                if ((in[pos] & 0xFF) != 0xFF) {
                    throw notAnImage("JPEG: expected a marker at " + pos);
                }
                while (pos < in.length && (in[pos] & 0xFF) == 0xFF) {
                    pos++; // fill bytes before a marker
                }
                if (pos >= in.length) {
                    break;
                }
                int marker = in[pos++] & 0xFF;
                if (marker == 0xD9) {
                    ended = true;
                } else if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                    segments.add(new byte[] {(byte) 0xFF, (byte) marker});
                } else if (marker == 0xD8 || marker == 0x00) {
                    throw notAnImage("JPEG: unexpected marker");
                } else {
                    pos = segment(marker, pos);
                }
            }
            if (!ended || !scanned || width <= 0 || height <= 0) {
                throw notAnImage("JPEG: incomplete");
            }
            var out = new ByteArrayOutputStream(in.length);
            out.write(0xFF);
            out.write(0xD8);
            boolean orientationWritten = orientation < 2 || orientation > 8;
            for (byte[] s : segments) {
                boolean app0 = (s[1] & 0xFF) == 0xE0;
                if (!orientationWritten && !app0) {
                    out.writeBytes(orientationExif(orientation));
                    orientationWritten = true;
                }
                out.writeBytes(s);
            }
            out.write(0xFF);
            out.write(0xD9);
            return new Clean(Format.JPEG, width, height, out.toByteArray());
        }

        /** One segment with a length; returns where the next marker starts. */
        private int segment(int marker, int pos) throws Rejected {
            if (pos + 2 > in.length) {
                throw notAnImage("JPEG: truncated");
            }
            int length = u16be(in, pos);
            if (length < 2 || pos + length > in.length) {
                throw notAnImage("JPEG: bad segment length");
            }
            int dataStart = pos + 2;
            int end = pos + length;
            byte[] whole = Arrays.copyOfRange(in, pos - 2, end);
            if (marker >= 0xE0 && marker <= 0xEF) {
                if (marker == 0xE1 && startsWith(in, dataStart, "Exif\0\0".getBytes(StandardCharsets.US_ASCII))) {
                    orientation = readOrientation(in, dataStart + 6, end);
                }
                boolean icc = marker == 0xE2
                        && startsWith(in, dataStart, "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
                if (marker == 0xE0 || icc || marker == 0xEE) {
                    segments.add(whole); // JFIF, the colour profile, Adobe's colour transform: needed to show it right
                }
                return end;
            }
            if (marker == 0xFE) {
                return end; // a comment: free text
            }
            if (isStartOfFrame(marker)) {
                if (length < 8) {
                    throw notAnImage("JPEG: short frame header");
                }
                height = u16be(in, dataStart + 1);
                width = u16be(in, dataStart + 3);
                if (width <= 0 || height <= 0) {
                    throw notAnImage("JPEG: no size");
                }
                if ((long) width * height > maxPixels) {
                    throw new Rejected("too many pixels", true);
                }
            }
            segments.add(whole);
            if (marker == 0xDA) {
                scanned = true;
                int scanEnd = entropyEnd(end);
                segments.add(Arrays.copyOfRange(in, end, scanEnd));
                return scanEnd;
            }
            return end;
        }

        /** The entropy-coded data after a scan header runs to the next marker that is not a stuffed 0xFF00 or a restart. */
        private int entropyEnd(int pos) {
            int i = pos;
            while (i + 1 < in.length) {
                if ((in[i] & 0xFF) == 0xFF) {
                    int next = in[i + 1] & 0xFF;
                    if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                        return i;
                    }
                }
                i++;
            }
            return in.length;
        }

        private static boolean isStartOfFrame(int marker) {
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }
    }

    /** The Orientation tag (0x0112) of IFD0 in a TIFF structure at {@code start}; 0 when absent or unreadable. */
    static int readOrientation(byte[] in, int start, int end) {
        try {
            if (start + 8 > end) {
                return 0;
            }
            boolean little = in[start] == 'I' && in[start + 1] == 'I';
            if (!little && !(in[start] == 'M' && in[start + 1] == 'M')) {
                return 0;
            }
            long ifd = u32(in, start + 4, little);
            int entries = start + (int) ifd;
            if (ifd < 8 || entries + 2 > end) {
                return 0;
            }
            int count = u16(in, entries, little);
            for (int e = 0; e < count; e++) {
                int at = entries + 2 + e * 12;
                if (at + 12 > end) {
                    return 0;
                }
                if (u16(in, at, little) == 0x0112 && u16(in, at + 2, little) == 3) {
                    return u16(in, at + 8, little);
                }
            }
            return 0;
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    /** APP1 holding an EXIF block with nothing but the orientation (big-endian TIFF, one IFD entry). */
    static byte[] orientationExif(int orientation) {
        return new byte[] {
                (byte) 0xFF, (byte) 0xE1, 0x00, 0x22,
                'E', 'x', 'i', 'f', 0, 0,
                'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
                0x00, 0x01,
                0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte) orientation, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00};
    }

    // ---- PNG -----------------------------------------------------------------------------------

    private static Clean png(byte[] in, long maxPixels) throws Rejected {
        var out = new ByteArrayOutputStream(in.length);
        out.writeBytes(PNG_SIGNATURE);
        int pos = PNG_SIGNATURE.length;
        int width = -1;
        int height = -1;
        boolean data = false;
        boolean ended = false;
        while (!ended) {
            if (pos + 12 > in.length) {
                throw notAnImage("PNG: truncated");
            }
            long length = u32(in, pos, false);
            if (length > in.length - pos - 12L) {
                throw notAnImage("PNG: bad chunk length");
            }
            String type = ascii(in, pos + 4, 4);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw notAnImage("PNG: bad chunk type");
            }
            int dataStart = pos + 8;
            int end = dataStart + (int) length + 4;
            var crc = new CRC32();
            crc.update(in, pos + 4, 4 + (int) length);
            if (crc.getValue() != u32(in, end - 4, false)) {
                throw notAnImage("PNG: bad checksum");
            }
            if (width < 0) {
                if (!type.equals("IHDR") || length != 13) {
                    throw notAnImage("PNG: no header");
                }
                width = (int) Math.min(Integer.MAX_VALUE, u32(in, dataStart, false));
                height = (int) Math.min(Integer.MAX_VALUE, u32(in, dataStart + 4, false));
                if (width <= 0 || height <= 0) {
                    throw notAnImage("PNG: no size");
                }
                if ((long) width * height > maxPixels) {
                    throw new Rejected("too many pixels", true);
                }
            }
            data |= type.equals("IDAT");
            ended = type.equals("IEND");
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, pos, end - pos);
            }
            pos = end;
        }
        if (!data) {
            throw notAnImage("PNG: no image data");
        }
        return new Clean(Format.PNG, width, height, out.toByteArray());
    }

    // ---- WebP ----------------------------------------------------------------------------------

    private static Clean webp(byte[] in, long maxPixels) throws Rejected {
        long riffEnd = 8 + u32(in, 4, true);
        if (riffEnd > in.length || riffEnd < 12) {
            throw notAnImage("WebP: bad size");
        }
        var body = new ByteArrayOutputStream(in.length);
        int pos = 12;
        int width = -1;
        int height = -1;
        boolean image = false;
        while (pos < riffEnd) {
            if (pos + 8 > riffEnd) {
                throw notAnImage("WebP: truncated");
            }
            String fourcc = ascii(in, pos, 4);
            long size = u32(in, pos + 4, true);
            long padded = size + (size & 1);
            if (pos + 8 + padded > riffEnd && pos + 8 + size != riffEnd) {
                throw notAnImage("WebP: bad chunk size");
            }
            int dataStart = pos + 8;
            int end = (int) Math.min(riffEnd, dataStart + padded);
            if (pos == 12) {
                int[] size2 = firstChunkSize(in, fourcc, dataStart, (int) size);
                width = size2[0];
                height = size2[1];
                if ((long) width * height > maxPixels) {
                    throw new Rejected("too many pixels", true);
                }
            }
            image |= fourcc.equals("VP8 ") || fourcc.equals("VP8L") || fourcc.equals("ANMF");
            if (!WEBP_DROPPED.contains(fourcc)) {
                int from = body.size();
                body.write(in, pos, end - pos);
                if ((size & 1) == 1 && end - dataStart == size) {
                    body.write(0); // the last chunk lacked its padding byte
                }
                if (fourcc.equals("VP8X")) {
                    byte[] sofar = body.toByteArray();
                    sofar[from + 8] &= (byte) ~0x0C; // no EXIF (0x08), no XMP (0x04) any more
                    body.reset();
                    body.writeBytes(sofar);
                }
            }
            pos = end;
        }
        if (!image || width <= 0 || height <= 0) {
            throw notAnImage("WebP: no image");
        }
        byte[] chunks = body.toByteArray();
        var out = new ByteArrayOutputStream(chunks.length + 12);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        long riffSize = 4L + chunks.length;
        out.write((int) riffSize & 0xFF);
        out.write((int) (riffSize >> 8) & 0xFF);
        out.write((int) (riffSize >> 16) & 0xFF);
        out.write((int) (riffSize >> 24) & 0xFF);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunks);
        return new Clean(Format.WEBP, width, height, out.toByteArray());
    }

    /** The canvas size from the first chunk: VP8X (extended), VP8 (lossy) or VP8L (lossless). */
    private static int[] firstChunkSize(byte[] in, String fourcc, int data, int size) throws Rejected {
        switch (fourcc) {
            case "VP8X" -> {
                if (size < 10) {
                    throw notAnImage("WebP: short VP8X");
                }
                return new int[] {1 + u24le(in, data + 4), 1 + u24le(in, data + 7)};
            }
            case "VP8 " -> {
                if (size < 10 || (in[data + 3] & 0xFF) != 0x9D || (in[data + 4] & 0xFF) != 0x01
                        || (in[data + 5] & 0xFF) != 0x2A) {
                    throw notAnImage("WebP: bad VP8 header");
                }
                return new int[] {u16(in, data + 6, true) & 0x3FFF, u16(in, data + 8, true) & 0x3FFF};
            }
            case "VP8L" -> {
                if (size < 5 || (in[data] & 0xFF) != 0x2F) {
                    throw notAnImage("WebP: bad VP8L header");
                }
                long bits = u32(in, data + 1, true);
                return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
            }
            default -> throw notAnImage("WebP: unknown first chunk");
        }
    }

    // ---- bytes ---------------------------------------------------------------------------------

    private static Rejected notAnImage(String reason) {
        return new Rejected(reason, false);
    }

    private static boolean startsWith(byte[] in, byte[] prefix) {
        return startsWith(in, 0, prefix);
    }

    private static boolean startsWith(byte[] in, int at, byte[] prefix) {
        if (at < 0 || in.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (in[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] in, int at, int length) {
        return new String(in, at, length, StandardCharsets.ISO_8859_1);
    }

    private static int u16be(byte[] in, int at) {
        return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
    }

    private static int u16(byte[] in, int at, boolean little) {
        return little ? (in[at] & 0xFF) | ((in[at + 1] & 0xFF) << 8) : u16be(in, at);
    }

    private static int u24le(byte[] in, int at) {
        return (in[at] & 0xFF) | ((in[at + 1] & 0xFF) << 8) | ((in[at + 2] & 0xFF) << 16);
    }

    private static long u32(byte[] in, int at, boolean little) {
        if (little) {
            return (in[at] & 0xFFL) | ((in[at + 1] & 0xFFL) << 8) | ((in[at + 2] & 0xFFL) << 16)
                    | ((in[at + 3] & 0xFFL) << 24);
        }
        return ((in[at] & 0xFFL) << 24) | ((in[at + 1] & 0xFFL) << 16) | ((in[at + 2] & 0xFFL) << 8)
                | (in[at + 3] & 0xFFL);
    }
}
