package cn.doorstep.notify;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum NotifyError implements ErrorCode {
    INBOX_ITEM_NOT_FOUND(15001, HttpStatus.NOT_FOUND, "No such item in your inbox");

    private final Spec spec;

    NotifyError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
