package com.chatcommerce.manualpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.order.Order;
import com.chatcommerce.manualpayments.order.OrderSource;
import com.chatcommerce.manualpayments.order.Submission;
import com.chatcommerce.manualpayments.order.Submissions;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Catalog;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine does not answer: requests that need it get 503 and write nothing, so there is no order
 * without a process and no decision the process never heard of; reads from the database go on.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.client.deployment.enabled=false",
      "camunda.client.worker.defaults.enabled=false",
      "camunda.client.request-timeout=PT2S"
    })
@ActiveProfiles({"embedded", "test"})
@Import(Catalog.class)
class EngineUnavailableTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Catalog catalog;
  @Autowired Submissions submissions;

  @DynamicPropertySource
  static void deadEngine(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + closedPort());
  }

  @Test
  void submissionAndDecisionsAnswer503AndWriteNothingWhileReadsStillWork() {
    Api api = new Api(port);
    Catalog.Setup setup = catalog.cashDeskOffer();
    Order open = submissions.open(UUID.randomUUID().toString(),
        new Submission(OrderSource.CLIENT, setup.clientId(), setup.offerId(), null, null, null, null, false, "test"));
    long ordersBefore = count("orders");
    long historyBefore = count("order_history");

    Api.Response submit = api.post("/api/v1/orders",
        "{\"clientId\":" + setup.clientId() + ",\"offerId\":" + setup.offerId() + "}");
    Api.Response approve = api.post("/api/v1/orders/" + open.id() + "/approve", "{}");

    assertThat(submit.status()).isEqualTo(503);
    assertThat(submit.contentType()).startsWith("application/problem+json");
    assertThat(submit.text("detail")).contains("nothing was changed");
    assertThat(approve.status()).isEqualTo(503);
    assertThat(count("orders")).isEqualTo(ordersBefore);
    assertThat(count("order_history")).isEqualTo(historyBefore);
    assertThat(jdbc.queryForObject("select pending_action from orders where id = ?", String.class, open.id()))
        .as("the decision's claim was rolled back, so it can be sent again").isNull();

    assertThat(api.get("/api/v1/orders/" + open.id()).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/orders?clientId=" + setup.clientId()).status()).isEqualTo(200);
    Api.Response health = api.get("/actuator/health");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body().get("components").get("camundaClient").get("status").asText()).isEqualTo("DOWN");
    assertThat(health.body().get("components").get("db").get("status").asText()).isEqualTo("UP");
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
