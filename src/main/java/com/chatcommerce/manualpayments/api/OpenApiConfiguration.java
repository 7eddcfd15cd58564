package com.chatcommerce.manualpayments.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;

@Configuration
class OpenApiConfiguration {

  // Map.ofEntries: Map.of takes at most ten pairs.
  private static final Map<Integer, String> MEANINGS = Map.ofEntries(
      Map.entry(400, "Bad input: errors[] names each field and the reason; nothing was changed"),
      Map.entry(401, "No or invalid credentials"),
      Map.entry(403, "The caller's role may not do this"),
      Map.entry(404, "No such record"),
      Map.entry(406, "The caller does not accept the only type this answers with"),
      Map.entry(409, "The order's state (or a payment system's open orders) does not allow this, or the same"
          + " request is still being processed"),
      Map.entry(413, "The body is over its limit; nothing was read or changed"),
      Map.entry(415, "The body's media type is not one this endpoint takes"),
      Map.entry(422, "A missing exchange rate, or an Idempotency-Key reused with a different request"),
      Map.entry(429, "As many of these as allowed are running; retry after the seconds in Retry-After"),
      Map.entry(503, "The process engine did not answer; nothing was changed"));

  @Bean
  OpenAPI manualPaymentsOpenApi() {
    Schema<?> problem = new ObjectSchema()
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new ArraySchema().items(new ObjectSchema()
            .addProperty("field", new StringSchema())
            .addProperty("reason", new StringSchema())));
    return new OpenAPI()
        .info(new Info().title("Manual payments API").version("v1")
            .description("Payments made outside the platform: submissions, manager decisions, refunds."))
        .components(new Components()
            .addSchemas("Problem", problem)
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /**
   * Adds 401, 403, the statuses of {@link ProblemResponses} and, where the operation takes a body,
   * 413 to every API operation.
   */
  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handler) -> {
      ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
      if (declared == null) {
        return operation;
      }
      addProblem(operation.getResponses(), 401);
      addProblem(operation.getResponses(), 403);
      for (int status : declared.value()) {
        addProblem(operation.getResponses(), status);
      }
      if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
        addProblem(operation.getResponses(), 413);
      }
      return operation;
    };
  }

  private static void addProblem(io.swagger.v3.oas.models.responses.ApiResponses responses, int status) {
    responses.addApiResponse(String.valueOf(status), new ApiResponse()
        .description(MEANINGS.get(status))
        .content(new Content().addMediaType("application/problem+json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
  }
}
