package com.chatcommerce.manualpayments.api.idempotency;

import com.chatcommerce.manualpayments.api.ApiLimits;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.time.Duration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents the Idempotency-Key header on every operation the filter makes idempotent, by the
 * filter's own rule, so that a client generated from the document offers the key on each of them,
 * the submission first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class IdempotencyKeyDocumentation {

  @Bean
  OpenApiCustomizer idempotencyKeyHeader(
      @Value("${manual-payments.idempotency.key-lifetime}") Duration keyLifetime) {
    String description =
        "Makes this request happen once: a repeat with the same key and the same request gets the"
            + " first response again, with Idempotent-Replayed: true; with another request, 422."
            + " A key is remembered for "
            + keyLifetime
            + " (ISO 8601) after its first request.";
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                Operation post = item.getPost();
                if (post != null && IdempotencyFilter.covers("POST", path)) {
                  post.addParametersItem(
                      new HeaderParameter()
                          .name(IdempotencyFilter.HEADER)
                          .required(false)
                          .description(description)
                          .schema(
                              new StringSchema()
                                  .maxLength(ApiLimits.IDEMPOTENCY_KEY)
                                  .pattern(ApiLimits.IDEMPOTENCY_KEY_PATTERN)));
                }
              });
    };
  }
}
