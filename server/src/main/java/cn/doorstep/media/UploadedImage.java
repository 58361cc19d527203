package cn.doorstep.media;

/**
 * A stored image: its URL (to send as a photo or avatar elsewhere), size in pixels and bytes, and where
 * WeChat's media check is: usually CHECKING (others see it once WeChat passes it), PENDING when WeChat
 * did not answer (sent again later), PASSED without an appid (the local profile).
 */
public record UploadedImage(String url, String contentType, int width, int height, int bytes, ImageCheck check) {
}
