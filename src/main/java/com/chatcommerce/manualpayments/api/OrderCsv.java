package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.order.Order;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Orders as CSV for accountants: RFC 4180 quoting, and no cell a spreadsheet would run as a
 * formula.
 */
final class OrderCsv {

  static final String HEADER =
      String.join(
              ",",
              "id",
              "status",
              "source",
              "client_id",
              "offer_id",
              "submitted_amount",
              "submitted_currency",
              "amount",
              "currency",
              "fee",
              "fee_currency",
              "net",
              "net_currency",
              "payment_date",
              "submitted_at",
              "updated_at",
              "rejection_reason",
              "comment",
              "manager_comment")
          + "\r\n";

  private OrderCsv() {}

  static String row(Order o) {
    return Stream.of(
                o.id(),
                o.status().name(),
                o.source().name(),
                String.valueOf(o.clientId()),
                String.valueOf(o.offerId()),
                o.submitted().amountText(),
                o.submitted().currency(),
                o.amount().amountText(),
                o.amount().currency(),
                o.fee().amountText(),
                o.fee().currency(),
                o.net().amountText(),
                o.net().currency(),
                o.paymentDate().toString(),
                o.submittedAt().toString(),
                o.updatedAt().toString(),
                o.rejectionReason() == null ? "" : o.rejectionReason().name(),
                o.comment() == null ? "" : o.comment(),
                o.managerComment() == null ? "" : o.managerComment())
            .map(OrderCsv::cell)
            .collect(Collectors.joining(","))
        + "\r\n";
  }

  static String rows(List<Order> orders) {
    return orders.stream().map(OrderCsv::row).collect(Collectors.joining());
  }

  /**
   * Free text that starts like a formula gets a leading apostrophe; anything with a separator is
   * quoted.
   */
  static String cell(String value) {
    String safe =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
