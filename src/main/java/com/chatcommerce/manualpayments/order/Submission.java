package com.chatcommerce.manualpayments.order;

import java.util.Objects;

/**
 * A request to open an order, as the platform, a manager or Tasklist's start form sends it, through
 * its {@code channel}. Strings are parsed by {@link SubmissionValidator} so that every error names
 * its field. The API's "add manual payment" asks for the client's email and phone ({@code
 * contactRequired}); Tasklist's start form picks a CRM client, whose contacts the CRM already has.
 * {@code submittedBy} is the API account that sent it, or Tasklist. A manager's payment from any
 * user of the platform names its {@code payer} instead of a client, and is kept on the manual
 * account.
 */
public record Submission(
    OrderSource source,
    Channel channel,
    Long clientId,
    Long offerId,
    String paymentDate,
    String comment,
    String email,
    String phone,
    boolean contactRequired,
    String submittedBy,
    Payer payer) {

  public Submission {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(submittedBy, "submittedBy");
  }

  /** The client's own "I paid", sent by the platform account {@code submittedBy}. */
  public static Submission byClient(
      Long clientId, Long offerId, String paymentDate, String comment, String submittedBy) {
    return forCrmClient(
        OrderSource.CLIENT, Channel.API, clientId, offerId, paymentDate, comment, submittedBy);
  }

  /**
   * A manager's "add manual payment" through the API: for a CRM client, with the client's email and
   * phone, or for a {@code payer} on the manual account.
   */
  public static Submission byManager(
      Long clientId,
      Payer payer,
      Long offerId,
      String email,
      String phone,
      String paymentDate,
      String comment,
      String submittedBy) {
    return new Submission(
        OrderSource.MANAGER,
        Channel.API,
        clientId,
        offerId,
        paymentDate,
        comment,
        email,
        phone,
        true,
        submittedBy,
        payer);
  }

  /** A manager's payment from Tasklist's start form, for a CRM client whose contacts it has. */
  public static Submission fromTasklist(
      Long clientId, Long offerId, String paymentDate, String comment) {
    return forCrmClient(
        OrderSource.MANAGER,
        Channel.TASKLIST,
        clientId,
        offerId,
        paymentDate,
        comment,
        Channel.TASKLIST.value());
  }

  /** The client's contacts come from the CRM, not with the submission. */
  private static Submission forCrmClient(
      OrderSource source,
      Channel channel,
      Long clientId,
      Long offerId,
      String paymentDate,
      String comment,
      String submittedBy) {
    return new Submission(
        source,
        channel,
        clientId,
        offerId,
        paymentDate,
        comment,
        null,
        null,
        false,
        submittedBy,
        null);
  }
}
