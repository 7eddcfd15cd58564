package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.OrderFilter;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.OrderStatus;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;

/** The query parameters the order list and the CSV export share; times are ISO instants. */
record OrderFilterParams(
    OrderStatus status,
    @Min(1) Long clientId,
    @Min(1) Long offerId,
    OrderSource source,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant submittedFrom,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant submittedTo,
    @Parameter(
            description =
                "Only orders whose review deadline is before this instant (\"expiring within 24 h\").")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant deadlineBefore) {

  OrderFilter filter(String onlySubmittedBy) {
    return new OrderFilter(
        status,
        clientId,
        offerId,
        source,
        submittedFrom,
        submittedTo,
        deadlineBefore,
        onlySubmittedBy);
  }
}
