package cn.doorstep.media;

/** A stored image: its URL (to send as a photo or avatar elsewhere), size in pixels and bytes. */
public record UploadedImage(String url, String contentType, int width, int height, int bytes) {
}
