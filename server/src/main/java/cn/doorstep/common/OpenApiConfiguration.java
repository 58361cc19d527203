package cn.doorstep.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spec's frame: bearer auth on every operation (public ones opt out with an empty
 * {@code @SecurityRequirements}) and the one error body as every operation's default reply.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI doorstepOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Doorstep (家门口) API").version("v1")
                        .description("Backend of the Doorstep mini-program. Every reply is {code, message, data}; "
                                + "code 0 is success, other codes are listed in errors.md."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The token from POST /api/v1/auth/wx-login"))
                        .addSchemas("ErrorReply", new ObjectSchema()
                                .addProperty("code", new IntegerSchema().description("See errors.md"))
                                .addProperty("message", new StringSchema())
                                .addProperty("data", new ObjectSchema().nullable(true)
                                        .description("For 400s: {errors: [{field, message}]}"))))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer errorRepliesEverywhere() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op ->
                op.getResponses().addApiResponse("default", new ApiResponse()
                        .description("An error: HTTP status and code as listed in errors.md")
                        .content(new Content().addMediaType("application/json",
                                new MediaType().schema(new ObjectSchema().$ref("#/components/schemas/ErrorReply")))))));
    }
}
