package com.chatcommerce.manualpayments.order;

/**
 * A request to open an order, as the platform, a manager or Tasklist's start form sends it. Strings
 * are parsed by {@link SubmissionService} so that every error names its field. The API's "add
 * manual payment" asks for the client's email and phone ({@code contactRequired}); Tasklist's start
 * form picks a CRM client, whose contacts the CRM already has. {@code submittedBy} is the API
 * account that sent it. A manager's payment from any user of the platform names its {@code payer}
 * instead of a client, and is kept on the manual account.
 */
public record Submission(
    OrderSource source,
    Long clientId,
    Long offerId,
    String paymentDate,
    String comment,
    String email,
    String phone,
    boolean contactRequired,
    String submittedBy,
    Payer payer) {

  /** A submission for a CRM client. */
  public Submission(
      OrderSource source,
      Long clientId,
      Long offerId,
      String paymentDate,
      String comment,
      String email,
      String phone,
      boolean contactRequired,
      String submittedBy) {
    this(
        source,
        clientId,
        offerId,
        paymentDate,
        comment,
        email,
        phone,
        contactRequired,
        submittedBy,
        null);
  }
}
