package cn.doorstep.media.internal;

/** Lets tests read an EXIF orientation the way the sanitizer does. */
public final class ImageSanitizerAccess {

    private ImageSanitizerAccess() {
    }

    public static int orientation(byte[] in, int start, int end) {
        return ImageSanitizer.readOrientation(in, start, end);
    }
}
