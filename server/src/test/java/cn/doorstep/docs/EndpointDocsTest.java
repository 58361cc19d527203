package cn.doorstep.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec is explained in a flow page of {@code miniprogram-api-docs/}: its
 * {@code METHOD /path} appears there, next to a {@code wx.request} example and its errors; and every
 * example calls an operation that exists, at the base URL the README gives.
 */
class EndpointDocsTest {

    final JsonNode spec = ApiDocs.spec();

    @Test
    void everyEndpointHasAFlowPage() throws IOException {
        String pages = String.join("\n", pages().values());
        assertThat(pages).contains("wx.request(");

        List<String> missing = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            String endpoint = method.toUpperCase() + " " + path.getKey();
            if (!pages.contains(endpoint)) {
                missing.add(endpoint);
            }
        }));
        assertThat(missing).as("endpoints with no page in miniprogram-api-docs/").isEmpty();
    }

    /**
     * The README names the origin as {@code BASE}; examples add the whole path ({@code BASE +
     * '/api/v1/...'}), as the spec's paths do. A path segment built from a variable stands for a
     * path parameter; a literal segment (an id, a date) must fit one too.
     */
    @Test
    void everyExampleCallsAnEndpointAtTheReadmesBaseUrl() throws IOException {
        Matcher base = Pattern.compile("const BASE = '([^']*)'").matcher(ApiDocs.read("README.md"));
        assertThat(base.find()).as("README.md declares const BASE = '...'").isTrue();
        String basePath = URI.create(base.group(1).replace("<host>", "host")).getPath();

        List<String> calls = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        pages().forEach((page, text) -> {
            Matcher call = Pattern.compile("wx\\.(request|uploadFile|downloadFile)\\(\\{").matcher(text);
            while (call.find()) {
                Map<String, String> fields = JsObjects.topLevelFields(text, call.end() - 1);
                String url = fields.getOrDefault("url", "");
                if (!url.contains("'")) {
                    continue; // a wrapper's url variable (errors.md), called with the paths of the other examples
                }
                String method = call.group(1).equals("uploadFile") ? "post"
                        : fields.getOrDefault("method", "'GET'").replace("'", "").toLowerCase();
                String path = url.startsWith("BASE + ") ? basePath + JsObjects.pathTemplate(url.substring(7)) : url;
                calls.add(page + ": " + method + " " + path);
                if (!url.startsWith("BASE + '") || !exists(method, path)) {
                    wrong.add(page + ": " + method.toUpperCase() + " " + url);
                }
            }
        });
        assertThat(calls).as("examples found").hasSizeGreaterThan(50);
        assertThat(wrong).as("examples whose url is not BASE + a path of openapi.json with that method").isEmpty();
    }

    private boolean exists(String method, String path) {
        for (var paths = spec.get("paths").fields(); paths.hasNext(); ) {
            var p = paths.next();
            String regex = Stream.of(p.getKey().split("\\{[^}]+}", -1)).map(Pattern::quote)
                    .collect(Collectors.joining("[^/]+"));
            if (path.matches(regex) && p.getValue().has(method)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> pages() throws IOException {
        try (Stream<Path> files = Files.list(ApiDocs.dir())) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
        }
    }

    /** Just enough JavaScript to read the examples: object literals, string literals, comments. */
    static final class JsObjects {

        /** The {@code key: value} source texts at the top level of the object literal opening at {@code open}. */
        static Map<String, String> topLevelFields(String js, int open) {
            var fields = new LinkedHashMap<String, String>();
            var current = new StringBuilder();
            int depth = 0;
            for (int i = open; i < js.length(); i++) {
                char c = js.charAt(i);
                if (c == '\'' || c == '"' || c == '`') { // a string: copied whole, brackets inside do not count
                    int end = i + 1;
                    while (js.charAt(end) != c) {
                        end += js.charAt(end) == '\\' ? 2 : 1;
                    }
                    current.append(js, i, end + 1);
                    i = end;
                    continue;
                }
                if (c == '/' && js.charAt(i + 1) == '/') { // a comment, to the end of its line
                    i = js.indexOf('\n', i) - 1;
                    continue;
                }
                if ("{[(".indexOf(c) >= 0 && depth++ == 0) {
                    continue;
                }
                if ("}])".indexOf(c) >= 0 && --depth == 0) {
                    field(fields, current);
                    return fields;
                }
                if (c == ',' && depth == 1) {
                    field(fields, current);
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            throw new IllegalArgumentException("unclosed object at " + open);
        }

        private static void field(Map<String, String> fields, CharSequence text) {
            String[] keyValue = text.toString().strip().split("\\s*:\\s*", 2);
            if (keyValue.length == 2) {
                fields.put(keyValue[0], keyValue[1].strip());
            }
        }

        /** {@code '/api/v1/stations/' + id + '/services'} → {@code /api/v1/stations/{}/services}, query dropped. */
        static String pathTemplate(String concatenation) {
            String path = Stream.of(concatenation.split("\\s*\\+\\s*"))
                    .map(part -> part.startsWith("'") ? part.substring(1, part.length() - 1) : "{}")
                    .collect(Collectors.joining());
            return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        }
    }
}
