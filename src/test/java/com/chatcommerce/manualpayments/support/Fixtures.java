package com.chatcommerce.manualpayments.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Payment systems, offers and clients created through the API, each test with its own. */
public final class Fixtures {

  private final Api api;

  public Fixtures(Api api) {
    this.api = api;
  }

  /**
   * A manual payment system: 2.5 % + 10.00 RUB per transfer, crediting RUB, accepting RUB and USD.
   */
  public long cashDesk() {
    return created(
        api.post(
            "/api/v1/payment-systems",
            """
        {"name":"Cash desk","commissionPercent":"2.5","fixedFee":{"amount":"10.00","currency":"RUB"},
         "accountCurrency":"RUB","transactionCurrency":"RUB","supportedCurrencies":["RUB","USD"],
         "commentHint":"Write the card number you paid from"}"""));
  }

  /** An integrated payment system (card acquiring, 1.9 %): its offers cannot be paid manually. */
  public long cardAcquiring() {
    return created(
        api.post(
            "/api/v1/payment-systems",
            """
        {"kind":"INTEGRATED","name":"Card acquiring","commissionPercent":"1.9","accountCurrency":"RUB",
         "transactionCurrency":"RUB","supportedCurrencies":["RUB"]}"""));
  }

  public long offer(
      long paymentSystemId, String amount, String currency, String confirmationWindow) {
    return offer("Yoga course", paymentSystemId, amount, currency, confirmationWindow);
  }

  /**
   * An offer under its own name, for a test that tells its offers apart by name: a row of a list, a
   * chat event.
   */
  public long offer(
      String name,
      long paymentSystemId,
      String amount,
      String currency,
      String confirmationWindow) {
    String window =
        confirmationWindow == null ? "" : ",\"confirmationWindow\":" + Api.q(confirmationWindow);
    return created(
        api.post(
            "/api/v1/offers",
            "{\"name\":"
                + Api.q(name)
                + ",\"price\":{\"amount\":"
                + Api.q(amount)
                + ",\"currency\":"
                + Api.q(currency)
                + "},\"paymentSystemId\":"
                + paymentSystemId
                + window
                + "}"));
  }

  public long client() {
    return client("Anna Petrova", "anna@example.com", "+79001234567");
  }

  /** A client under its own name and contacts, for a test that finds it by them. */
  public long client(String name, String email, String phone) {
    return created(
        api.post(
            "/api/v1/clients",
            "{\"name\":"
                + Api.q(name)
                + ",\"email\":"
                + Api.q(email)
                + ",\"phone\":"
                + Api.q(phone)
                + "}"));
  }

  public String submit(long clientId, long offerId, String comment) {
    Api.Response response =
        api.post(
            "/api/v1/orders",
            "{\"clientId\":"
                + clientId
                + ",\"offerId\":"
                + offerId
                + ",\"comment\":"
                + Api.q(comment)
                + "}");
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.text("id");
  }

  private static long created(Api.Response response) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.body().get("id").asLong();
  }
}
