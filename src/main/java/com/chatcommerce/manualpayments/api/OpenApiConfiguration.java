package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemImageService;
import com.chatcommerce.manualpayments.security.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;

/** The API's document; a run without a web server (the workers alone) has no API to describe. */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiConfiguration {

  // Map.ofEntries: Map.of takes at most ten pairs.
  private static final Map<Integer, String> MEANINGS =
      Map.ofEntries(
          Map.entry(
              400, "Bad input: errors[] names each field and the reason; nothing was changed"),
          Map.entry(401, "No or invalid credentials"),
          Map.entry(403, "The caller's role may not do this"),
          Map.entry(404, "No such record"),
          Map.entry(406, "The caller does not accept the only type this answers with"),
          Map.entry(
              409,
              "The order's state (or a payment system's open orders) does not allow this, or the same"
                  + " request is still being processed"),
          Map.entry(413, "The body is over its limit; nothing was read or changed"),
          Map.entry(415, "The body's media type is not one this endpoint takes"),
          Map.entry(
              422,
              "A missing exchange rate, or an Idempotency-Key reused with a different request"),
          Map.entry(
              429,
              "As many of these as allowed are running; retry after the seconds in Retry-After"),
          Map.entry(500, "An unexpected error; the application's log has its details"),
          Map.entry(503, "The process engine did not answer; nothing was changed"));

  /**
   * A problem's texts: ours, with at most a short excerpt of a bad value, for each of its errors.
   */
  private static final int PROBLEM_TEXT = 8000;

  private static final int PROBLEM_WORDS = 200;
  private static final int PROBLEM_REASON = 1000;

  /** The longest ISO instant Java reads is about 40 characters. */
  private static final int DATE_TIME = 64;

  /**
   * Documents only the authentication this run accepts: HTTP Basic in the embedded run, bearer
   * tokens (JWT) in production.
   */
  @Bean
  OpenAPI manualPaymentsOpenApi(SecurityProperties security) {
    Schema<?> problem =
        new ObjectSchema()
            .addProperty("type", new StringSchema().format("uri").maxLength(PROBLEM_WORDS))
            .addProperty("title", new StringSchema().maxLength(PROBLEM_WORDS))
            .addProperty(
                "status",
                new IntegerSchema()
                    .minimum(BigDecimal.valueOf(400))
                    .maximum(BigDecimal.valueOf(599)))
            .addProperty("detail", new StringSchema().maxLength(PROBLEM_TEXT))
            .addProperty(
                "instance", new StringSchema().format("uri-reference").maxLength(PROBLEM_TEXT))
            .addProperty(
                "errors",
                new ArraySchema()
                    .maxItems(ProblemHandler.MAX_ERRORS)
                    .items(
                        new ObjectSchema()
                            .addProperty("field", new StringSchema().maxLength(PROBLEM_WORDS))
                            .addProperty("reason", new StringSchema().maxLength(PROBLEM_REASON))));
    boolean basic = security.mode() == SecurityProperties.Mode.BASIC;
    String scheme = basic ? "basic" : "bearer";
    return new OpenAPI()
        .info(
            new Info()
                .title("Manual payments API")
                .version("v1")
                .description(
                    "Payments made outside the platform: submissions, manager decisions, refunds."))
        .components(
            new Components()
                .addSchemas("Problem", problem)
                .addSchemas(
                    "Image",
                    new StringSchema()
                        .format("binary")
                        .maxLength(PaymentSystemImageService.MAX_BYTES)
                        .description("PNG, JPEG or WebP, at most 1 MiB"))
                .addSecuritySchemes(
                    scheme, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(scheme)))
        .addSecurityItem(new SecurityRequirement().addList(scheme));
  }

  /**
   * Bounds what annotations cannot reach on every schema: an integer without bounds gets its
   * format's range (which Jackson and the parameter binding enforce: a larger number is refused
   * with 400 naming the field), an instant or a date its longest text, a UUID its 36 characters.
   */
  @Bean
  OpenApiCustomizer typeBounds() {
    return openApi -> {
      Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
        openApi.getComponents().getSchemas().values().forEach(schema -> bound(schema, seen));
      }
      if (openApi.getPaths() == null) {
        return;
      }
      for (PathItem path : openApi.getPaths().values()) {
        for (Operation operation : path.readOperations()) {
          if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> bound(parameter.getSchema(), seen));
          }
          if (operation.getRequestBody() != null) {
            bound(operation.getRequestBody().getContent(), seen);
          }
          if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(r -> bound(r.getContent(), seen));
          }
        }
      }
    };
  }

  private static void bound(Content content, Set<Schema<?>> seen) {
    if (content != null) {
      content.values().forEach(media -> bound(media.getSchema(), seen));
    }
  }

  private static void bound(Schema<?> schema, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    if (is(schema, "integer")) {
      boolean int32 = "int32".equals(schema.getFormat());
      if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
        schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
      }
      if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
        schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
      }
    }
    if (is(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null) {
      if ("date-time".equals(schema.getFormat())) {
        schema.setMaxLength(DATE_TIME);
      } else if ("date".equals(schema.getFormat())) {
        schema.setMaxLength(ApiLimits.DATE);
      } else if ("uuid".equals(schema.getFormat())) {
        schema.setMaxLength(ApiLimits.UUID);
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> bound(property, seen));
    }
    bound(schema.getItems(), seen);
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      bound(values, seen);
    }
  }

  private static boolean is(Schema<?> schema, String type) {
    return type.equals(schema.getType())
        || schema.getTypes() != null && schema.getTypes().contains(type);
  }

  /**
   * Adds 401, 403, 500, the statuses of {@link ProblemResponses} and, where the operation takes a
   * body, 413 to every API operation.
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
      addProblem(operation.getResponses(), 500);
      for (int status : declared.value()) {
        addProblem(operation.getResponses(), status);
      }
      if (Arrays.stream(handler.getMethodParameters())
          .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
        addProblem(operation.getResponses(), 413);
      }
      return operation;
    };
  }

  private static void addProblem(
      io.swagger.v3.oas.models.responses.ApiResponses responses, int status) {
    responses.addApiResponse(
        String.valueOf(status),
        new ApiResponse()
            .description(MEANINGS.get(status))
            .content(
                new Content()
                    .addMediaType(
                        "application/problem+json",
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
  }
}
