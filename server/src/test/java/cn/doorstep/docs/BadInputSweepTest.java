package cn.doorstep.docs;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.doorstep.common.Role;
import cn.doorstep.support.ContractCheck;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every operation of the checked-in spec, fed wrong input as every kind of user: wrong types,
 * missing and extra fields, huge strings, emoji and other unicode, negative and huge numbers, SQL
 * and script fragments, in the path, the query and the body. Every reply is a 4xx in the error
 * envelope with a code errors.md lists (a read may also answer 2xx: a search for an emoji is a
 * search), never a 5xx; and no table's rows change. The cases are drawn from a fixed seed, a few
 * per operation and role, so a failure reproduces; every reply also meets the suite's contract
 * check ({@link ContractCheck}).
 */
@IntegrationTest
class BadInputSweepTest {

    static final long SEED = 18_04L;
    /** Cases per operation; the role of each is drawn too, so every role meets every kind of operation. */
    static final int CASES_PER_OPERATION = 8;
    /** Who an area of the API is made for: half the cases go as them, so the input is read, not refused unread. */
    static final Map<String, List<String>> MADE_FOR = Map.of(
            "/api/v1/admin/", List.of("admin", "street", "district", "platform"),
            "/api/v1/staff/", List.of("staff"),
            "/api/v1/department/", List.of("department"),
            "/api/v1/grid/", List.of("grid-head"),
            "/api/v1/unit/", List.of("unit-admin"),
            "/api/v1/riders/", List.of("rider"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** Strings that are wrong, or hostile, almost anywhere. */
    static final List<String> NASTY_STRINGS = List.of(
            "", " ", "x".repeat(70_000), "长".repeat(5_000), "😀🏠👨‍👩‍👧‍👦", "\u202Eevil\u202C", "\u0000nul",
            "' OR '1'='1", "1; DROP TABLE user; --", "\" OR \"\"=\"", "<script>alert(1)</script>",
            "javascript:alert(1)", "${jndi:ldap://x/a}", "=cmd|' /C calc'!A0", "../../etc/passwd",
            "%00", "NaN", "-1", "1e309", "99999999999999999999999", "null", "true", "[]", "{}");
    /** Numbers out of every sensible range. */
    static final List<JsonNode> NASTY_NUMBERS = List.of(
            NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new BigInteger("99999999999999999999999999")), NODES.numberNode(1.5e308),
            NODES.numberNode(-0.000001), NODES.numberNode(Integer.MAX_VALUE + 1L));
    /** Path segments that are no id at all, or an id nothing has. */
    static final List<String> NASTY_IDS = List.of(
            "0", "-1", "99999999999999999999", "abc", "1.5", "😀", "1' OR '1'='1", "<script>", "987654321987", "%00");

    /** Operations that read no input at all: nothing sent to them is wrong (the sweep's users have no notices). */
    static final Set<String> WITHOUT_INPUT = Set.of(
            "POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all", "POST /api/v1/inbox/read-all");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyOperationAnswersWrongInputWithADocumentedClientErrorAndChangesNoRow() throws Exception {
        JsonNode spec = JSON.readTree(ContractCheck.specText());
        Set<Integer> documentedCodes = documentedCodes();
        Map<String, SignedIn> roles = signedInUsers();
        List<String> names = new ArrayList<>(roles.keySet());
        // signing out ends a session: those cases go as a user of their own, the others keep theirs
        roles.put("leaver", users.resident());
        Random random = new Random(SEED);
        // a user's points account is made on its first read: made here, the sweep's reads change no row
        for (SignedIn user : roles.values()) {
            if (user != null) {
                mvc.perform(request(HttpMethod.GET, URI.create("/api/v1/points/account"))
                        .header("Authorization", user.bearer())).andReturn();
            }
        }
        Map<String, String> before = tableChecksums();

        List<String> problems = new ArrayList<>();
        int sent = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                var operation = operations.next();
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                for (int i = 0; i < CASES_PER_OPERATION; i++) {
                    List<String> madeFor = MADE_FOR.entrySet().stream()
                            .filter(area -> path.getKey().startsWith(area.getKey())).map(Map.Entry::getValue)
                            .findFirst().orElse(names.subList(1, 2));
                    String role = path.getKey().startsWith("/api/v1/auth/logout") ? "leaver"
                            : i % 2 == 0 ? madeFor.get(random.nextInt(madeFor.size()))
                            : names.get(random.nextInt(names.size()));
                    MockHttpServletRequestBuilder request = badRequest(spec, method, path.getKey(), operation.getValue(),
                            roles.get(role), random);
                    String label = role + " " + method + " " + path.getKey() + " case " + i;
                    try {
                        MvcResult result = mvc.perform(request).andReturn();
                        sent++;
                        statuses.merge(result.getResponse().getStatus(), 1, Integer::sum);
                        problems.addAll(judge(label, method, path.getKey(), result.getResponse(), documentedCodes));
                    } catch (AssertionError | Exception e) {
                        problems.add(label + ": " + e.getMessage());
                    }
                }
            }
        }

        int exchanges = sent;
        System.out.println("Bad-input sweep: " + exchanges + " requests, replies by status " + statuses);
        Map<String, String> after = tableChecksums();
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(exchanges).as("exchanges").isGreaterThan(spec.path("paths").size() * CASES_PER_OPERATION / 2);
            softly.assertThat(problems).as("replies that are not a documented client error").isEmpty();
            // the input was read, not only refused at the door: a good share are validation errors
            softly.assertThat(statuses.getOrDefault(400, 0)).as("400s among " + statuses).isGreaterThan(exchanges / 5);
            softly.assertThat(after).as("each table's checksum after the sweep").isEqualTo(before);
        });
    }

    private List<String> judge(String label, HttpMethod method, String template, MockHttpServletResponse response,
                               Set<Integer> codes) throws Exception {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return method == HttpMethod.GET || WITHOUT_INPUT.contains(method + " " + template) ? List.of()
                    : List.of(label + ": accepted (" + status + ") " + abbreviate(response.getContentAsString()));
        }
        if (status < 400 || status >= 500) {
            return List.of(label + ": " + status + " " + abbreviate(response.getContentAsString()));
        }
        if (template.startsWith("/open311/")) {
            return List.of(); // the GeoReport standard's own error array, held to the spec by the contract check
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.getContentAsByteArray());
        } catch (Exception notJson) {
            return List.of(label + ": " + status + " not in the envelope: " + abbreviate(response.getContentAsString()));
        }
        if (body == null || !body.path("code").isInt() || !body.path("message").isTextual()) {
            return List.of(label + ": " + status + " not in the envelope: " + abbreviate(response.getContentAsString()));
        }
        if (!codes.contains(body.path("code").asInt())) {
            return List.of(label + ": code " + body.path("code").asInt() + " is not in errors.md");
        }
        return List.of();
    }

    private MockHttpServletRequestBuilder badRequest(JsonNode spec, HttpMethod method, String template,
                                                     JsonNode operation, SignedIn user, Random random) {
        Matcher parameters = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String id = NASTY_IDS.get(random.nextInt(NASTY_IDS.size()));
            parameters.appendReplacement(path, Matcher.quoteReplacement(encode(id)));
        }
        parameters.appendTail(path);

        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextInt(3) > 0) {
                query.add(encode(parameter.path("name").asText()) + "=" + encode(badText(resolve(spec, parameter.path("schema")), random)));
            }
        }
        query.add("unexpected=" + encode(NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size()))));
        URI uri = URI.create(path + "?" + String.join("&", query));

        MockHttpServletRequestBuilder request = request(method, uri)
                .with(Http.from("10.18." + random.nextInt(256) + "." + random.nextInt(256)));
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        JsonNode body = operation.path("requestBody").path("content");
        if (body.has("application/json")) {
            request.contentType(MediaType.APPLICATION_JSON).content(badBody(spec, body.path("application/json").path("schema"), random));
        } else if (body.has("multipart/form-data")) {
            request.contentType(MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x")
                    .content("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                            + "Content-Type: image/jpeg\r\n\r\n<script>alert(1)</script>\r\n--x--\r\n");
        } else if (method != HttpMethod.GET && random.nextBoolean()) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"unexpected\": \"😀\"}");
        }
        return request;
    }

    /** A body wrong in one of several ways, with hostile text and extra fields around the wrongness. */
    private String badBody(JsonNode spec, JsonNode schema, Random random) {
        JsonNode shape = resolve(spec, schema);
        return switch (random.nextInt(7)) {
            case 0 -> "{\"truncated\": ";                                  // not JSON
            case 1 -> "[1, 2, 3]";                                         // not an object
            case 2 -> "\"" + "😀".repeat(100) + "\"";                       // a string for an object
            case 3 -> "{}";                                                // every field missing
            default -> {
                if (!(sample(spec, shape, random, 0) instanceof ObjectNode value)) {
                    yield wrongValue(shape, random).toString();
                }
                // one field certainly wrong: a type no schema accepts in its place, or out of its range
                List<String> fields = new ArrayList<>();
                value.fieldNames().forEachRemaining(fields::add);
                if (!fields.isEmpty()) {
                    String wrong = fields.get(random.nextInt(fields.size()));
                    JsonNode property = resolve(spec, shape.path("properties").path(wrong));
                    value.set(wrong, wrongValue(property, random));
                    if (random.nextBoolean()) {
                        value.remove(fields.get(random.nextInt(fields.size())));
                    }
                } else {
                    value.set("unexpected", NODES.arrayNode().add(NODES.objectNode()));
                }
                value.put("unexpected_" + random.nextInt(100), NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size())));
                value.put("__proto__", "{\"admin\":true}");
                yield value.toString();
            }
        };
    }

    /** A value of the schema's shape, with the hostile strings and numbers where text and numbers go. */
    private JsonNode sample(JsonNode spec, JsonNode schema, Random random, int depth) {
        JsonNode shape = resolve(spec, schema);
        String type = shape.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    shape.path("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), sample(spec, property.getValue(), random, depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4) == 0 ? 2_000 : 1 + random.nextInt(3);
                for (int i = 0; i < size && depth < 3; i++) {
                    array.add(sample(spec, shape.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return NASTY_NUMBERS.get(random.nextInt(NASTY_NUMBERS.size()));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                if (shape.has("enum") && random.nextBoolean()) {
                    return shape.path("enum").get(random.nextInt(shape.path("enum").size()));
                }
                return NODES.textNode(NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size())));
            }
        }
    }

    /** A value the property's schema refuses: another type, an unknown enum name, or text far too long. */
    private JsonNode wrongValue(JsonNode property, Random random) {
        String type = property.path("type").asText("object");
        return switch (type) {
            case "integer", "number" -> random.nextBoolean() ? NODES.textNode("十二") : NODES.objectNode();
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.textNode("not a list");
            case "object" -> NODES.numberNode(42);
            default -> property.has("enum") ? NODES.textNode("NOT_A_VALUE")
                    : random.nextBoolean() ? NODES.arrayNode().add(1) : NODES.textNode("x".repeat(70_000));
        };
    }

    /** A query parameter's value its schema refuses, or hostile text where text is free. */
    private String badText(JsonNode schema, Random random) {
        String type = schema.path("type").asText("string");
        if ("integer".equals(type) || "number".equals(type)) {
            return List.of("abc", "-1", "0", "1e309", "99999999999999999999", "1 OR 1=1", "😀").get(random.nextInt(7));
        }
        if ("boolean".equals(type)) {
            return "perhaps";
        }
        if (schema.has("enum") || schema.has("format")) {
            return List.of("NOT_A_VALUE", "2026-13-45", "'; --", "😀").get(random.nextInt(4));
        }
        return NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size()));
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            current = spec.at(current.path("$ref").asText().substring(1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(spec, current.path("allOf").get(0));
        }
        return current;
    }

    /** One signed-in user per role (and nobody signed in), each scoped to places that exist. */
    private Map<String, SignedIn> signedInUsers() {
        TestRegions.Chain chain = regions.chain();
        Map<String, SignedIn> roles = new LinkedHashMap<>();
        roles.put("anonymous", null);
        roles.put("resident", users.resident());
        roles.put("admin", users.with(Role.ADMIN, chain.community()));
        roles.put("street", users.with(Role.STREET_ADMIN, chain.street()));
        roles.put("district", users.with(Role.DISTRICT_ADMIN, chain.district()));
        roles.put("platform", users.with(Role.PLATFORM));
        roles.put("staff", users.with(Role.STAFF, 987_654_321L));
        roles.put("volunteer", users.with(Role.VOLUNTEER, chain.community()));
        roles.put("rider", users.with(Role.RIDER));
        roles.put("grid-head", users.with(Role.GRID_HEAD, 987_654_321L));
        roles.put("unit-admin", users.with(Role.UNIT_ADMIN, 987_654_321L));
        roles.put("department", users.with(Role.DEPARTMENT, 987_654_321L));
        return roles;
    }

    private Set<Integer> documentedCodes() {
        return ApiDocs.read("errors.md").lines()
                .map(line -> line.split("\\|"))
                .filter(cells -> cells.length > 2 && cells[1].trim().matches("\\d+"))
                .map(cells -> Integer.valueOf(cells[1].trim()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each table's row count and checksum, settled: background work of earlier tests has finished. */
    private Map<String, String> tableChecksums() throws InterruptedException {
        Map<String, String> last = checksums();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(200);
            Map<String, String> now = checksums();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /**
     * Every table but ShedLock's: the scheduled jobs take and release their locks in it every round,
     * whatever the requests do.
     */
    private Map<String, String> checksums() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = database() and table_type = 'BASE TABLE' and table_name <> 'shedlock' "
                + "order by table_name", String.class);
        Map<String, String> sums = new TreeMap<>();
        jdbc.query("checksum table " + tables.stream().map(table -> "`" + table + "`").collect(Collectors.joining(", ")),
                row -> {
                    String table = row.getString(1);
                    sums.put(table.substring(table.indexOf('.') + 1), row.getString(2));
                });
        return sums;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
