package cn.doorstep.common;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * {@code %m} of every log line (see logback-spring.xml), with credentials masked: WeChat's
 * {@code access_token}, the app {@code secret}, a {@code session_key} and a {@code js_code}, as URL
 * parameters, JSON fields or {@code name=value} in a toString. A library that logs a request URL
 * (WxJava does, access token included, whenever WeChat answers an error) cannot leak them.
 */
public class MaskingMessageConverter extends MessageConverter {

    /** The name (snake or camel case, any case), an optional closing quote, = or :, then the value. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:access_?token|secret|session_?key|js_?code)\"?\\s*[=:]\\s*\"?)([^&\\s\"',;:)}\\]]+)");

    static final String MASK = "***";

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    /** The text with every credential's value replaced by {@code ***}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return SECRET.matcher(text).replaceAll("$1" + MASK);
    }
}
