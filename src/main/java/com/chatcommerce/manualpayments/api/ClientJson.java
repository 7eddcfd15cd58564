package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.chat.ChatIndicator;
import com.chatcommerce.manualpayments.chat.ChatIndicatorService;
import com.chatcommerce.manualpayments.crm.Client;
import com.chatcommerce.manualpayments.crm.CrmOrderLine;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The JSON of the clients' endpoints: a client, its order history and its chat indicators. */
final class ClientJson {

  private ClientJson() {}

  @Schema(name = "ClientRequest")
  record Request(
      @Size(max = ApiLimits.NAME) String name,
      @Schema(format = "email") @Size(max = ApiLimits.EMAIL) String email,
      @Schema(pattern = ApiLimits.PHONE_PATTERN) @Size(max = ApiLimits.PHONE) String phone) {}

  @Schema(name = "Client")
  record Response(
      @Schema(minimum = "1") long id,
      @Schema(maxLength = ApiLimits.NAME) String name,
      @Schema(maxLength = ApiLimits.EMAIL, format = "email") String email,
      @Schema(maxLength = ApiLimits.PHONE, pattern = ApiLimits.PHONE_PATTERN) String phone,
      boolean manualAccount,
      Instant createdAt) {
    static Response of(Client c) {
      return new Response(
          c.id(), c.name(), c.email(), c.phone(), c.isManualAccount(), c.createdAt());
    }
  }

  record OrderLine(
      @Schema(maxLength = ApiLimits.UUID, format = "uuid") String orderId,
      @Schema(minimum = "1") long offerId,
      @Schema(maxLength = ApiLimits.WORD) String status,
      MoneyJson amount,
      Instant updatedAt) {
    static OrderLine of(CrmOrderLine o) {
      return new OrderLine(
          o.orderId(),
          o.offerId(),
          o.status(),
          MoneyJson.of(o.amount(), o.currency()),
          o.updatedAt());
    }
  }

  record Indicator(
      @Schema(minimum = "1") long id,
      @Schema(maxLength = ApiLimits.UUID, format = "uuid") String orderId,
      @Schema(maxLength = ApiLimits.WORD) String status,
      @Schema(maxLength = ApiLimits.COMMENT) String text,
      @Schema(allowableValues = {ChatIndicatorService.AUDIENCE}) String audience,
      Instant createdAt) {
    static Indicator of(ChatIndicator i) {
      return new Indicator(
          i.id(), i.orderId(), i.status(), i.text(), ChatIndicatorService.AUDIENCE, i.createdAt());
    }
  }

  @Schema(name = "ClientPage")
  record Page(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Response> clients,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}

  record OrderLines(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<OrderLine> orders,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}

  record Indicators(
      @ArraySchema(maxItems = ApiLimits.PAGE) List<Indicator> indicators,
      @Schema(maxLength = ApiLimits.CURSOR, pattern = ApiLimits.CURSOR_PATTERN)
          String nextCursor) {}
}
