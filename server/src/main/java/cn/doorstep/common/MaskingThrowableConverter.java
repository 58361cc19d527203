package cn.doorstep.common;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's default stack-trace rendering ({@code %wEx}) with the same masking as
 * {@link MaskingMessageConverter}: an exception's message (a failed URL, a library's error text) can
 * carry a token as easily as a log message can.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return MaskingMessageConverter.mask(super.convert(event));
    }
}
