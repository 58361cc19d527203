package cn.doorstep.common;

import org.springframework.http.HttpStatus;

/**
 * One entry of the error catalogue. Each feature keeps an enum of its own codes in its own range
 * (common 10xxx, auth 11xxx, user 12xxx, community 13xxx, wechat 14xxx, notify 15xxx, station 20xxx, rider 21xxx);
 * {@code miniprogram-api-docs/errors.md} lists them all and a test keeps it in step.
 */
public interface ErrorCode {

    /** The enum constant's name: a stable handle for the docs. */
    String name();

    Spec spec();

    default int code() {
        return spec().code();
    }

    default HttpStatus status() {
        return spec().status();
    }

    /** The default message, in English for the mini-program's developers; the UI maps codes to text. */
    default String message() {
        return spec().message();
    }

    record Spec(int code, HttpStatus status, String message) {
    }
}
