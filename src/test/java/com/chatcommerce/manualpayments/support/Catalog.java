package com.chatcommerce.manualpayments.support;

import com.chatcommerce.manualpayments.crm.ClientService;
import com.chatcommerce.manualpayments.offer.OfferDraft;
import com.chatcommerce.manualpayments.offer.OfferService;
import com.chatcommerce.manualpayments.order.Submission;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemDraft;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemKind;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystemService;
import java.util.List;
import org.springframework.stereotype.Component;

/** A payment system, an offer and a client made through the services, for tests below the API. */
@Component
public class Catalog {

  private final PaymentSystemService paymentSystems;
  private final OfferService offers;
  private final ClientService clients;

  public Catalog(PaymentSystemService paymentSystems, OfferService offers, ClientService clients) {
    this.paymentSystems = paymentSystems;
    this.offers = offers;
    this.clients = clients;
  }

  public record Setup(long paymentSystemId, long offerId, long clientId) {

    /** The client's own submission of the offer, with nothing else given. */
    public Submission clientSubmission(String submittedBy) {
      return Submission.byClient(clientId, offerId, null, null, submittedBy);
    }
  }

  /** 2.5 % + 10.00 RUB; RUB and USD accepted; the offer costs 1500.00 RUB. */
  public Setup cashDeskOffer() {
    long paymentSystem =
        paymentSystems
            .create(
                new PaymentSystemDraft(
                    PaymentSystemKind.MANUAL,
                    "Cash desk",
                    null,
                    "2.5",
                    "10.00",
                    "RUB",
                    "RUB",
                    "RUB",
                    List.of("RUB", "USD"),
                    null,
                    null))
            .id();
    long offer =
        offers.create(new OfferDraft("Yoga course", "1500.00", "RUB", paymentSystem, null)).id();
    long client = clients.create("Anna Petrova", "anna@example.com", "+79001234567").id();
    return new Setup(paymentSystem, offer, client);
  }
}
