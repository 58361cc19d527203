package cn.doorstep.media;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum MediaError implements ErrorCode {
    NOT_AN_IMAGE(41001, HttpStatus.BAD_REQUEST, "Send a JPEG, PNG or WebP image; the file's content is checked, not its name"),
    IMAGE_TOO_LARGE(41002, HttpStatus.BAD_REQUEST, "The image is larger than 5 MB"),
    TOO_MANY_PIXELS(41003, HttpStatus.BAD_REQUEST, "The image has more pixels than allowed; send a smaller one"),
    MALFORMED_UPLOAD(41004, HttpStatus.BAD_REQUEST, "The upload is not a well-formed multipart body"),
    STORAGE_UNAVAILABLE(41005, HttpStatus.SERVICE_UNAVAILABLE, "The image could not be stored; retry shortly");

    private final Spec spec;

    MediaError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
