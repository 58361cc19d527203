package cn.doorstep.common;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spec's frame: bearer auth on every operation (public ones opt out with an empty
 * {@code @SecurityRequirements}), the one error body as every operation's default reply, and
 * station-local times documented as what they are. Operations and tags describe themselves on the
 * controllers: {@code @Operation(summary, description)}, {@code @Tag(name, description)}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String ERROR_REPLY = "ErrorReply";

    private static final String LOCAL_TIME = "China local time of the station, no offset: send it as shown, "
            + "without Z or +08:00";

    /** How Jackson writes a local type (ISO; seconds and fraction only when not zero), and an example. */
    private record LocalFormat(String pattern, String example) {
    }

    private static final Map<Class<?>, LocalFormat> LOCAL_FORMATS = Map.of(
            LocalDateTime.class, new LocalFormat("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$",
                    "2026-12-05T09:00:00"),
            LocalTime.class, new LocalFormat("^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$", "09:00:00"));

    @Bean
    OpenAPI doorstepOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Doorstep (家门口) API").version("v1")
                        .contact(new Contact().name("Doorstep backend team"))
                        .description("Backend of the Doorstep mini-program. Every reply is {code, message, data}; "
                                + "code 0 is success, other codes are listed in errors.md."))
                // relative: the host that serves this spec; the paths carry /api/v1 (BASE in the docs is the host)
                .addServersItem(new Server().url("/").description("The host serving this spec, e.g. "
                        + "https://<host> in production, http://localhost:8080 locally"))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The token from POST /api/v1/auth/wx-login")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer errorRepliesEverywhere() {
        return openApi -> {
            // added here with its references: springdoc drops schemas nothing refers to before customizers run
            openApi.getComponents().addSchemas(ERROR_REPLY, new ObjectSchema()
                    .addProperty("code", new IntegerSchema().description("See errors.md"))
                    .addProperty("message", new StringSchema())
                    // OpenAPI 3.1 (what springdoc writes) says "nullable" as a second type
                    .addProperty("data", new Schema<>().types(new LinkedHashSet<>(List.of("object", "null")))
                            .description("null, or details: for 400s {errors: [{field, message}]}; some refusals "
                                    + "name more (data.status, data.limit…), see errors.md")));
            // Open311 (/open311/) answers the standard's own error array, documented on its operations
            openApi.getPaths().entrySet().stream().filter(path -> !path.getKey().startsWith("/open311/"))
                    .forEach(path -> path.getValue().readOperations().forEach(op ->
                    op.getResponses().addApiResponse("default", new ApiResponse()
                            .description("An error: HTTP status and code as listed in errors.md")
                            .content(new Content().addMediaType("application/json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_REPLY)))))));
        };
    }

    /**
     * Replies carry every field, null ones too ({@code default-property-inclusion: always}), so the spec
     * says which fields may be null: any that is not a Java primitive and not declared non-null
     * ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}, {@code @Schema(requiredMode = REQUIRED)}).
     * OpenAPI 3.1 says it as a second type, {@code "null"}; a reference to another schema becomes
     * {@code anyOf: [that schema, null]}. The contract check of the tests holds every reply to it.
     */
    @Bean
    PropertyCustomizer nullableUnlessPrimitiveOrDeclaredNonNull() {
        return (property, type) -> {
            if (property == null || neverNull(type)) {
                return property;
            }
            if (property.get$ref() != null) {
                Schema<Object> nullable = new Schema<>();
                nullable.addAnyOfItem(new Schema<>().$ref(property.get$ref()));
                nullable.addAnyOfItem(new Schema<>().types(new LinkedHashSet<>(List.of("null"))));
                nullable.setDescription(property.getDescription());
                return nullable;
            }
            if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                property.addType("null");
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    property.getEnum().add(null);
                }
            }
            return property;
        };
    }

    private static boolean neverNull(AnnotatedType type) {
        if (type.getType() instanceof Class<?> raw && raw.isPrimitive()) {
            return true;
        }
        if (Json.mapper().constructType(type.getType()).isPrimitive()) {
            return true;
        }
        Annotation[] annotations = type.getCtxAnnotations();
        return annotations != null && Arrays.stream(annotations).anyMatch(annotation ->
                annotation instanceof NotNull || annotation instanceof NotBlank || annotation instanceof NotEmpty
                        || annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                        && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED);
    }

    /** The controllers' {@code @Tag}s arrive in no particular order; Swagger UI lists them as declared. */
    @Bean
    OpenApiCustomizer tagsByName() {
        return openApi -> {
            if (openApi.getTags() != null) {
                openApi.getTags().sort(Comparator.comparing(Tag::getName));
            }
        };
    }

    /**
     * Station-local times ({@code LocalDateTime}, {@code LocalTime}: a new slot's or an activity's start)
     * travel without an offset. As {@code format: date-time} a generated client would send an instant in
     * UTC and the station would read it eight hours off, so they are documented as patterned strings.
     */
    @Bean
    ModelConverter localTimesWithoutOffset() {
        return (type, context, chain) -> {
            Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            LocalFormat local = LOCAL_FORMATS.get(Json.mapper().constructType(type.getType()).getRawClass());
            if (schema == null || local == null || schema.get$ref() != null) {
                return schema;
            }
            schema.setFormat(null);
            schema.setPattern(local.pattern());
            if (schema.getExample() == null) {
                schema.setExample(local.example());
            }
            schema.setDescription(schema.getDescription() == null ? LOCAL_TIME : LOCAL_TIME + ". " + schema.getDescription());
            return schema;
        };
    }
}
