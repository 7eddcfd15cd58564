package com.chatcommerce.manualpayments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.security.SecurityProperties;
import com.chatcommerce.manualpayments.security.SecurityProperties.Mode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What the OpenAPI document says beyond the annotations, without starting the application. */
class OpenApiConfigurationTest {

  private final OpenApiConfiguration configuration = new OpenApiConfiguration();

  @Test
  void productionDocumentOffersOnlyBearerTokens() {
    OpenAPI document =
        configuration.manualPaymentsOpenApi(
            new SecurityProperties(Mode.JWT, null, null, "manual-payments-api", null));

    assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("bearer");
    assertThat(document.getSecurity())
        .singleElement()
        .satisfies(item -> assertThat(item).containsOnlyKeys("bearer"));
  }

  @Test
  void embeddedRunDocumentOffersOnlyHttpBasic() {
    OpenAPI document =
        configuration.manualPaymentsOpenApi(
            new SecurityProperties(Mode.BASIC, null, null, null, null));

    assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("basic");
  }

  @Test
  void unboundedIntegersGetTheirTypesRangeAndInstantsTheirLongestText() {
    IntegerSchema id = new IntegerSchema();
    id.setFormat("int64");
    IntegerSchema count = new IntegerSchema();
    IntegerSchema retries = new IntegerSchema();
    retries.minimum(BigDecimal.ONE).maximum(BigDecimal.TEN);
    DateTimeSchema at = new DateTimeSchema();
    OpenAPI document =
        new OpenAPI()
            .components(
                new Components()
                    .addSchemas(
                        "Thing",
                        new ObjectSchema()
                            .addProperty("id", id)
                            .addProperty("count", count)
                            .addProperty("retries", retries)
                            .addProperty("at", at)));

    configuration.typeBounds().customise(document);

    assertThat(id.getMinimum()).isEqualByComparingTo(BigDecimal.valueOf(Long.MIN_VALUE));
    assertThat(id.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
    assertThat(count.getMinimum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MIN_VALUE));
    assertThat(count.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MAX_VALUE));
    assertThat(retries.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(retries.getMaximum()).isEqualByComparingTo(BigDecimal.TEN);
    assertThat(at.getMaxLength()).isEqualTo(64);
  }
}
