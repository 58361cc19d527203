package cn.doorstep.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's files over HTTP: served read-only with the WebJars its import map names, and nginx's policy allows it. */
@ServerTest
class ConsoleStaticFilesTest {

    static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    String importMap() throws IOException, InterruptedException {
        HttpResponse<String> index = send("GET", "/console/");
        assertThat(index.statusCode()).isEqualTo(200);
        Matcher map = IMPORT_MAP.matcher(index.body());
        assertThat(map.find()).as("index.html has an import map").isTrue();
        return map.group(1);
    }

    @Test
    void theConsoleAndEveryModuleOfItsImportMapAreServedWithoutSigningIn() throws Exception {
        assertThat(send("GET", "/console").statusCode()).isEqualTo(302);
        JsonNode imports = new ObjectMapper().readTree(importMap()).get("imports");
        assertThat(imports.fieldNames()).toIterable().containsExactlyInAnyOrder("vue", "echarts", "leaflet");
        for (JsonNode url : imports) {
            HttpResponse<String> module = send("GET", url.asText());
            assertThat(module.statusCode()).as(url.asText()).isEqualTo(200);
            assertThat(module.headers().firstValue("Content-Type")).get().asString().contains("javascript");
        }
        for (String file : new String[] {"/console/app.js", "/console/api.js", "/console/ui.js", "/console/console.css",
                "/console/pages/dashboard.js", "/console/pages/map.js", "/webjars/leaflet/1.9.4/dist/leaflet.css"}) {
            assertThat(send("GET", file).statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    void theConsolesFilesAreReadOnlyAndNothingElseIsServed() throws Exception {
        assertThat(send("POST", "/console/app.js").statusCode()).isBetween(400, 499);
        assertThat(send("PUT", "/webjars/vue/3.5.13/dist/vue.esm-browser.prod.js").statusCode()).isBetween(400, 499);
        assertThat(send("GET", "/console/nothing-here.js").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/static/console/app.js").statusCode()).isBetween(400, 499);
    }

    @Test
    void nginxsContentSecurityPolicyAllowsTheImportMapByItsHash() throws Exception {
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap().getBytes(StandardCharsets.UTF_8)));
        String headers = Files.readString(Path.of("..", "nginx", "snippets", "console-headers.conf"));

        assertThat(headers).as("nginx/snippets/console-headers.conf names the import map's sha256: update it when "
                + "index.html's import map changes").contains("'sha256-" + hash + "'");
    }
}
