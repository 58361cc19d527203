package cn.doorstep.support;

import cn.doorstep.support.TestUsers.SignedIn;
import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Reads a user's inbox over HTTP ({@code GET /api/v1/inbox}), as the mini-program does. */
public final class Inboxes {

    private Inboxes() {
    }

    /** The first 50 notices, newest first: each with kind, title, body, page, read. */
    public static List<Map<String, Object>> items(MockMvcTester mvc, SignedIn who) {
        return JsonPath.read(page(mvc, who), "$.data.items");
    }

    /** The kinds of the first 50 notices, newest first. */
    public static List<String> kinds(MockMvcTester mvc, SignedIn who) {
        return items(mvc, who).stream().map(i -> (String) i.get("kind")).toList();
    }

    /** The notices of one kind, newest first. */
    public static List<Map<String, Object>> of(MockMvcTester mvc, SignedIn who, String kind) {
        return items(mvc, who).stream().filter(i -> kind.equals(i.get("kind"))).toList();
    }

    public static int unread(MockMvcTester mvc, SignedIn who) {
        return JsonPath.read(page(mvc, who), "$.data.unread");
    }

    private static String page(MockMvcTester mvc, SignedIn who) {
        var result = mvc.get().uri("/api/v1/inbox?page=1&size=50").header("Authorization", who.bearer()).exchange();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("GET /api/v1/inbox answered " + result.getResponse().getStatus());
        }
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
