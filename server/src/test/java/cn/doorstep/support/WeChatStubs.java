package cn.doorstep.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** WeChat's API as WireMock plays it: the exact paths and JSON WeChat uses. */
public final class WeChatStubs {

    public static final String ACCESS_TOKEN = "ACCESS_TOKEN_FROM_WIREMOCK";

    private final WireMockServer server;

    public WeChatStubs(WireMockServer server) {
        this.server = server;
    }

    public static WeChatStubs of(TestServers servers) {
        return new WeChatStubs(servers.weChat());
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
    }

    /** GET /cgi-bin/token: WxJava fetches the access token before any other call. */
    public void accessToken() {
        server.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":7200}")));
    }

    public void accessTokenAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(response));
    }

    /** GET /sns/jscode2session for one code. */
    public void codeToSession(String code, String openid, String unionid, String sessionKey) {
        String union = unionid == null ? "" : ",\"unionid\":\"" + unionid + "\"";
        codeToSessionAnswers(code, okJson("{\"openid\":\"" + openid + "\",\"session_key\":\"" + sessionKey + "\""
                + union + "}"));
    }

    public void codeToSessionError(String code, int errcode, String errmsg) {
        codeToSessionAnswers(code, okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}"));
    }

    public void codeToSessionAnswers(String code, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", equalTo(code))
                .willReturn(response));
    }

    /** POST /wxa/business/getuserphonenumber for one code. */
    public void phoneNumber(String code, String purePhoneNumber) {
        server.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\""
                        + purePhoneNumber + "\",\"purePhoneNumber\":\"" + purePhoneNumber
                        + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":1700000000,\"appid\":\"wx-test-appid\"}}}")));
    }

    public void phoneNumberError(String code, int errcode) {
        server.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"invalid code\"}")));
    }

    /** POST /cgi-bin/message/subscribe/send: WeChat's answer to every subscribe message. */
    public void subscribeMessageAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).willReturn(response));
    }

    /**
     * POST /wxa/msg_sec_check (content security 2.0): every check answers {@code suggest} ("pass",
     * "review" or "risky") with a label and trace id, as WeChat does.
     */
    public void contentCheck(String suggest) {
        contentCheckAnswers(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"suggest\":\"" + suggest
                + "\",\"label\":" + ("pass".equals(suggest) ? 100 : 20001) + "},\"detail\":[{\"strategy\":\"content_model\","
                + "\"errcode\":0,\"suggest\":\"" + suggest + "\",\"label\":20001,\"prob\":90}],"
                + "\"trace_id\":\"trace-" + suggest + "\"}"));
    }

    /** POST /wxa/msg_sec_check answering with anything: an errcode, a 5xx, a delay past the timeout. */
    public void contentCheckAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/wxa/msg_sec_check")).willReturn(response));
    }

    /** POST /wxa/media_check_async: WeChat takes the image and answers with the trace id its verdict will carry. */
    public void mediaCheckAccepted(String traceId) {
        mediaCheckAnswers(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"trace_id\":\"" + traceId + "\"}"));
    }

    /** POST /wxa/media_check_async answering with anything: an errcode, a 5xx, a delay past the timeout. */
    public void mediaCheckAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/wxa/media_check_async")).willReturn(response));
    }

    /** A WeChat answer that arrives after our read timeout (2 s in tests). */
    public static ResponseDefinitionBuilder slow(ResponseDefinitionBuilder response) {
        return response.withFixedDelay(2500);
    }

    public static ResponseDefinitionBuilder ok() {
        return okJson("{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    public static ResponseDefinitionBuilder errcode(int errcode) {
        return okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"refused\"}");
    }

    public static ResponseDefinitionBuilder serverError() {
        return aResponse().withStatus(502).withBody("<html>Bad Gateway</html>");
    }

    public static ResponseDefinitionBuilder slowerThanTimeout() {
        return okJson("{\"openid\":\"late\",\"session_key\":\"late\"}").withFixedDelay(2500);
    }
}
