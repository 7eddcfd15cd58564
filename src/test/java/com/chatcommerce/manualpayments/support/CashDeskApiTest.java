package com.chatcommerce.manualpayments.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An API test on a running application: the manager's client for the API, a fresh cash desk ({@link
 * Fixtures#cashDesk()}) and a fresh CRM client, made before each test. The test makes its own
 * offers.
 */
public abstract class CashDeskApiTest {

  @LocalServerPort protected int port;

  protected Api api;
  protected Fixtures fixtures;
  protected long paymentSystem;
  protected long client;

  @BeforeEach
  void openCashDesk() {
    api = new Api(port);
    fixtures = new Fixtures(api);
    paymentSystem = fixtures.cashDesk();
    client = fixtures.client();
  }
}
