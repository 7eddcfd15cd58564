package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.crm.Client;
import com.chatcommerce.manualpayments.crm.ClientRepository;
import com.chatcommerce.manualpayments.crm.ContactRules;
import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.TextRules;
import com.chatcommerce.manualpayments.offer.Offer;
import com.chatcommerce.manualpayments.offer.OfferRepository;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Checks a submission against the CRM and the catalogue (spec §3 and §6): a CRM client or a payer
 * on the manual account, an offer of a manual-payment merchant, the contacts a manager must give,
 * and the payment date and comment.
 */
@Component
class SubmissionValidator {

  private final ClientRepository clients;
  private final OfferRepository offers;
  private final Clock clock;

  SubmissionValidator(ClientRepository clients, OfferRepository offers, Clock clock) {
    this.clients = clients;
    this.offers = offers;
    this.clock = clock;
  }

  /**
   * The order a submission opens, or the first of its errors, named after its field.
   *
   * @throws InvalidInputException the submission cannot open an order
   */
  ValidSubmission check(Submission s) {
    OrderSource source = s.source() == null ? OrderSource.CLIENT : s.source();
    long clientId = s.payer() == null ? crmClient(s) : manualAccount(s);
    if (s.offerId() == null) {
      throw new InvalidInputException("offerId", "is required");
    }
    Offer offer =
        offers
            .findById(s.offerId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "offerId", "offer " + s.offerId() + " does not exist"));
    if (!offer.paymentSystem().isManual()) {
      throw new InvalidInputException(
          "offerId", "offer " + s.offerId() + " is not paid through a manual-payment merchant");
    }
    Payer payer = s.payer() == null ? null : payer(s.payer());
    String email =
        payer == null ? ContactRules.email(s.email(), "email", s.contactRequired()) : payer.email();
    String phone =
        payer == null ? ContactRules.phone(s.phone(), "phone", s.contactRequired()) : payer.phone();
    return new ValidSubmission(
        source,
        s.channel(),
        clientId,
        offer,
        OrderFields.paymentDate(s.paymentDate(), LocalDate.now(clock)),
        OrderFields.comment(s.comment()),
        email,
        phone,
        s.submittedBy(),
        payer == null ? null : payer.name(),
        payer == null ? null : payer.platformUserId());
  }

  private long crmClient(Submission s) {
    if (s.clientId() == null) {
      throw new InvalidInputException(
          "clientId", s.contactRequired() ? "is required, or the payer" : "is required");
    }
    Client client =
        clients
            .findById(s.clientId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "clientId", "client " + s.clientId() + " does not exist"));
    if (client.isManualAccount()) {
      // Its orders must say who paid: without a payer nobody could tell them apart.
      throw new InvalidInputException(
          "clientId", "is the manual account, which takes a payment only with its payer");
    }
    return client.id();
  }

  private long manualAccount(Submission s) {
    if (s.clientId() != null) {
      throw new InvalidInputException(
          "payer", "comes instead of clientId: a payer's payment is kept on the manual account");
    }
    if (s.email() != null || s.phone() != null) {
      throw new InvalidInputException(
          s.email() != null ? "email" : "phone",
          "belongs in the payer: give payer.email and payer.phone");
    }
    return clients.manualAccount().id();
  }

  private static Payer payer(Payer given) {
    String name = TextRules.name(given.name(), "payer.name");
    String userId = given.platformUserId();
    if (userId != null && (userId.isEmpty() || userId.length() > 100)) {
      throw new InvalidInputException(
          "payer.platformUserId", "must be 1 to 100 characters when given");
    }
    return new Payer(
        name,
        ContactRules.email(given.email(), "payer.email", false),
        ContactRules.phone(given.phone(), "payer.phone", false),
        userId);
  }
}
