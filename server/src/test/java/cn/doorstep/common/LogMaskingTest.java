package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The converters logback-spring.xml puts around every message and stack trace. */
class LogMaskingTest {

    static final String WXJAVA_WARN = """

            【请求地址】: http://127.0.0.1:4321/sns/jscode2session?appid=wx-test-appid&secret=wx-test-secret&js_code=081Xyz&grant_type=authorization_code&access_token=ACCESS_TOKEN_FROM_WIREMOCK
            【请求参数】：js_code=081Xyz&secret=wx-test-secret&appid=wx-test-appid
            【错误信息】：WxError(errorCode=40029, errorMsg=invalid code)""";

    final LoggerContext context = new LoggerContext();

    @Test
    void masksTheAccessTokenSecretAndCodeInWxJavasRequestLine() {
        String masked = MaskingMessageConverter.mask(WXJAVA_WARN);

        assertThat(masked).doesNotContain("ACCESS_TOKEN_FROM_WIREMOCK", "wx-test-secret", "081Xyz")
                .contains("access_token=***", "secret=***", "js_code=***", "appid=wx-test-appid", "errorCode=40029");
    }

    @Test
    void masksASessionKeyInJsonAndInAToString() {
        assertThat(MaskingMessageConverter.mask("{\"openid\":\"o-1\",\"session_key\":\"SK+a/b==\",\"unionid\":\"u\"}"))
                .isEqualTo("{\"openid\":\"o-1\",\"session_key\":\"***\",\"unionid\":\"u\"}");
        assertThat(MaskingMessageConverter.mask("WxMaJscode2SessionResult(sessionKey=SK+a/b==, openid=o-1)"))
                .isEqualTo("WxMaJscode2SessionResult(sessionKey=***, openid=o-1)");
        assertThat(MaskingMessageConverter.mask("{\"access_token\" : \"T-1\", \"expires_in\":7200}"))
                .isEqualTo("{\"access_token\" : \"***\", \"expires_in\":7200}");
    }

    @Test
    void leavesOrdinaryLinesAlone() {
        String line = "Station index rebuilt from MySQL: 267 stations in 412 ms (kinds=[WARM, SERVICE])";

        assertThat(MaskingMessageConverter.mask(line)).isEqualTo(line);
        assertThat(MaskingMessageConverter.mask(null)).isNull();
    }

    @Test
    void masksTheFormattedMessageOfAnEvent() {
        var converter = new MaskingMessageConverter();
        converter.setContext(context);
        converter.start();

        String line = converter.convert(event("WeChat said no: {}", null, WXJAVA_WARN));

        assertThat(line).startsWith("WeChat said no: ").doesNotContain("ACCESS_TOKEN_FROM_WIREMOCK", "wx-test-secret");
    }

    @Test
    void masksEveryMessageOfAStackTraceAndKeepsTheTrace() {
        var converter = new MaskingThrowableConverter();
        converter.setContext(context);
        converter.start();
        var failure = new IllegalStateException("call failed: secret=wx-test-secret",
                new IOException("GET /wxa/business/getuserphonenumber?access_token=ACCESS_TOKEN_FROM_WIREMOCK: 502"));

        String trace = converter.convert(event("failed", failure));

        assertThat(trace).doesNotContain("ACCESS_TOKEN_FROM_WIREMOCK", "wx-test-secret")
                .contains("java.lang.IllegalStateException: call failed: secret=***",
                        "Caused by: java.io.IOException: GET /wxa/business/getuserphonenumber?access_token=***: 502",
                        "at cn.doorstep.common.LogMaskingTest.masksEveryMessageOfAStackTraceAndKeepsTheTrace");
    }

    private LoggingEvent event(String message, Throwable throwable, Object... args) {
        var logger = context.getLogger("test");
        return new LoggingEvent(LogMaskingTest.class.getName(), logger, Level.WARN, message, throwable, args);
    }
}
