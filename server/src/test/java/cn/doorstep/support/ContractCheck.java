package cn.doorstep.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The contract kept: every reply a MockMvc test receives is checked against the checked-in
 * {@code miniprogram-api-docs/openapi.json} by Atlassian's swagger-request-validator, so a field
 * renamed, added or retyped in code but not in the spec fails the test that met it.
 *
 * <p>Only the reply is checked: many tests send wrong requests on purpose, and the server answering
 * those with the documented error is what they test. The validator's own rules apply unchanged
 * (including its strictest: an object may hold no property its schema does not name). What is not
 * checked, and why:
 * <ul>
 *   <li>paths the mini-program never calls and the spec does not describe: the actuator
 *       ({@code /actuator/**}, for operators and Prometheus) and the spec itself
 *       ({@code /v3/api-docs}, {@code /swagger-ui});</li>
 *   <li>a reply to a path the spec does not know (a test calling a made-up URL): nothing to compare
 *       it with, so it is held to the error envelope instead;</li>
 *   <li>an async request's first half (the reply is written by the redispatch, checked then).</li>
 * </ul>
 * Non-JSON replies (the xlsx exports, a unit's CSV, WeChat's text/plain echo) are checked for status
 * and content type; the validator compares only JSON bodies with a schema. Open311 is held to its own
 * documented replies (the GeoReport error array, not the envelope). The local-only dev login is in the
 * spec (it is taken with the local profile on) and checked like any operation. Images are served by
 * nginx from the media folder, not by the application, so no reply of the suite is an image. Tests on
 * a real Tomcat ({@code @ServerTest}) talk HTTP without MockMvc and are not checked here.
 */
public final class ContractCheck {

    /** The validator's keys for a path, or a method of a path, that the spec does not list. */
    private static final Set<String> NOT_IN_THE_SPEC =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private static final List<String> OUTSIDE_THE_SPEC = List.of("/actuator", "/v3/api-docs", "/swagger-ui");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile OpenApiInteractionValidator validator;

    private ContractCheck() {
    }

    /** The check every MockMvc exchange of the suite runs (see {@link TestInfrastructure}). */
    public static ResultMatcher replyMatchesSpec() {
        return result -> replyMatches(validator()).match(result);
    }

    /** The same check against another spec (a test's tampered copy). */
    public static ResultMatcher replyMatches(OpenApiInteractionValidator against) {
        return result -> {
            ValidationReport report = check(against, result);
            if (report.hasErrors()) {
                throw new AssertionError("The reply to " + describe(result.getRequest()) + " ("
                        + result.getResponse().getStatus() + ") does not match miniprogram-api-docs/openapi.json:\n"
                        + SimpleValidationReportFormat.getInstance().apply(report)
                        + "\nBody: " + abbreviate(result.getResponse().getContentAsString()));
            }
        };
    }

    /** The validator's findings for one exchange (empty when it is not checked, see the class comment). */
    public static ValidationReport check(MvcResult result) {
        return check(validator(), result);
    }

    public static ValidationReport check(OpenApiInteractionValidator against, MvcResult result) {
        MockHttpServletRequest request = result.getRequest();
        String path = request.getRequestURI();
        if (request.isAsyncStarted() || OUTSIDE_THE_SPEC.stream().anyMatch(path::startsWith)) {
            return ValidationReport.empty();
        }
        ValidationReport report = against.validateResponse(path, Request.Method.valueOf(request.getMethod()),
                MockMvcResponse.of(result.getResponse()));
        if (report.getMessages().stream().anyMatch(message -> NOT_IN_THE_SPEC.contains(message.getKey()))) {
            return errorEnvelope(result.getResponse());
        }
        return report;
    }

    /** A reply to a path or method the spec does not list: only an error in the envelope will do. */
    private static ValidationReport errorEnvelope(MockHttpServletResponse response) {
        try {
            JsonNode body = response.getContentLength() == 0 && response.getContentAsByteArray().length == 0
                    ? null : JSON.readTree(response.getContentAsByteArray());
            if (response.getStatus() >= 400 && body != null && body.path("code").isInt()
                    && body.path("message").isTextual()) {
                return ValidationReport.empty();
            }
        } catch (IOException notJson) {
            // reported below
        }
        return ValidationReport.singleton(ValidationReport.Message.create("doorstep.reply.notInTheSpec",
                "A reply to a path or method the spec does not list must be an error in the envelope "
                        + "({code, message, data}), not status " + response.getStatus()).build());
    }

    /** A validator for a spec's text; the suite's reads the checked-in file once. */
    public static OpenApiInteractionValidator validatorFor(String specJson) {
        // validateResponse checks the reply only: requests are wrong on purpose in many tests
        return OpenApiInteractionValidator.createForInlineApiSpecification(inOpenApi30(specJson)).build();
    }

    static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator current = validator;
        if (current == null) {
            synchronized (ContractCheck.class) {
                current = validator;
                if (current == null) {
                    current = validatorFor(specText());
                    validator = current;
                }
            }
        }
        return current;
    }

    /**
     * The spec in OpenAPI 3.0's words. springdoc writes 3.1; swagger-request-validator 2.x (the line
     * built for Spring 6) reads 3.1 files but then checks no schema at all, so the 3.1 forms the spec
     * uses are written the 3.0 way, meaning the same: {@code type: [T, "null"]} becomes
     * {@code type: T, nullable: true}; {@code anyOf: [{$ref: S}, {type: "null"}]} becomes a copy of S
     * with {@code nullable: true} (3.0 ignores a reference's siblings); a numeric
     * {@code exclusiveMinimum: n} becomes {@code minimum: n, exclusiveMinimum: true}. Any other
     * 3.1-only form fails here rather than being skipped silently.
     */
    static String inOpenApi30(String specJson) {
        try {
            ObjectNode spec = (ObjectNode) JSON.readTree(specJson);
            spec.put("openapi", "3.0.3");
            downgrade(spec, spec, 0);
            return JSON.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void downgrade(ObjectNode spec, JsonNode node, int depth) {
        if (depth > 200) {
            throw new IllegalStateException("Nullable references too deep (a cycle?)");
        }
        if (node instanceof ObjectNode object) {
            JsonNode anyOf = object.get("anyOf");
            if (anyOf instanceof ArrayNode choices && choices.size() == 2 && choices.get(1).path("type").asText().equals("null")
                    && choices.get(0).has("$ref")) {
                ObjectNode target = spec.at(choices.get(0).path("$ref").asText().substring(1)).deepCopy();
                object.remove("anyOf");
                target.fields().forEachRemaining(field -> object.putIfAbsent(field.getKey(), field.getValue()));
                object.put("nullable", true);
            }
            JsonNode type = object.get("type");
            if (type instanceof ArrayNode types) {
                List<String> named = new ArrayList<>();
                types.forEach(t -> named.add(t.asText()));
                boolean nullable = named.remove("null");
                if (named.size() != 1) {
                    throw new IllegalStateException("A type OpenAPI 3.0 cannot state: " + types);
                }
                object.put("type", named.get(0));
                if (nullable) {
                    object.put("nullable", true);
                }
            } else if ("null".equals(type == null ? null : type.asText())) {
                throw new IllegalStateException("A null type OpenAPI 3.0 cannot state: " + object);
            }
            JsonNode exclusiveMinimum = object.get("exclusiveMinimum");
            if (exclusiveMinimum != null && exclusiveMinimum.isNumber()) {
                object.set("minimum", exclusiveMinimum);
                object.put("exclusiveMinimum", true);
            }
            JsonNode exclusiveMaximum = object.get("exclusiveMaximum");
            if (exclusiveMaximum != null && exclusiveMaximum.isNumber()) {
                object.set("maximum", exclusiveMaximum);
                object.put("exclusiveMaximum", true);
            }
            for (String unsupported : List.of("const", "prefixItems", "if", "unevaluatedProperties", "$defs")) {
                if (object.has(unsupported) && object.has("type")) {
                    throw new IllegalStateException("An OpenAPI 3.1 keyword the check would skip: " + unsupported);
                }
            }
        }
        node.forEach(child -> downgrade(spec, child, depth + 1));
    }

    /** The checked-in spec, whether the tests run from the module or the repository's root. */
    public static String specText() {
        Path fromModule = Path.of("..", "miniprogram-api-docs", "openapi.json");
        Path file = Files.isRegularFile(fromModule) ? fromModule : Path.of("miniprogram-api-docs", "openapi.json");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(MockHttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    private static String abbreviate(String body) {
        return body.length() <= 2_000 ? body : body.substring(0, 2_000) + "…";
    }
}
