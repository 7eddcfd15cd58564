package com.chatcommerce.manualpayments.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatcommerce.manualpayments.order.ApproveOrderWorker;
import com.chatcommerce.manualpayments.order.ReviewDecision;
import com.chatcommerce.manualpayments.order.SettleDecisionWorker;
import com.chatcommerce.manualpayments.order.SubmissionService;
import com.chatcommerce.manualpayments.support.Catalog;
import com.chatcommerce.manualpayments.support.EngineRecords;
import com.chatcommerce.manualpayments.support.IntegrationTestConfiguration;
import com.chatcommerce.manualpayments.support.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

/**
 * The production mode: bearer tokens, roles from a configurable claim path (here Keycloak's {@code
 * realm_access.roles}), the caller named by a configurable claim, only tokens for this API's
 * audience. The issuer's key is a test key; in production Spring fetches it from the configured
 * issuer.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "manual-payments.security.mode=jwt",
      "manual-payments.security.roles-claim=realm_access.roles",
      "manual-payments.security.principal-claim=preferred_username",
      "manual-payments.security.audience=" + JwtAccessTest.AUDIENCE,
      "camunda.client.worker.defaults.enabled=false",
      "camunda.client.deployment.enabled=false"
    })
@ActiveProfiles("test")
@Import({JwtAccessTest.TestIssuer.class, Catalog.class})
@ContextConfiguration(initializers = IntegrationTestConfiguration.EngineAddress.class)
class JwtAccessTest {

  static final String AUDIENCE = "manual-payments-api";
  private static final RSAKey KEY = generate();
  private static final RSAKey OTHER_KEY = generate();

  @LocalServerPort int port;
  @Autowired Catalog catalog;
  @Autowired SubmissionService submissions;
  @Autowired SettleDecisionWorker settle;
  @Autowired ApproveOrderWorker approve;
  @Autowired ObjectMapper json;

  @TestConfiguration(proxyBeanMethods = false)
  static class TestIssuer {
    @Bean
    JwtDecoder jwtDecoder() throws JOSEException {
      return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    }
  }

  @Test
  void managerRoleFromTheConfiguredClaimMayWrite() {
    String token = token(KEY, List.of("manager"), Instant.now().plusSeconds(300));
    assertThat(post("/api/v1/clients", token, "{\"name\":\"Token Client\"}")).isEqualTo(201);
  }

  @Test
  void analystMayReadButNotWrite() {
    String token = token(KEY, List.of("Analyst"), Instant.now().plusSeconds(300));
    assertThat(get("/api/v1/clients", token)).isEqualTo(200);
    assertThat(post("/api/v1/clients", token, "{\"name\":\"X\"}")).isEqualTo(403);
  }

  @Test
  void tokenWithoutAKnownRoleGetsNothing() {
    String token =
        token(KEY, List.of("offline_access", "uma_authorization"), Instant.now().plusSeconds(300));
    assertThat(get("/api/v1/orders", token)).isEqualTo(403);
  }

  @Test
  void missingExpiredOrForeignTokensAreUnauthorized() {
    assertThat(get("/api/v1/orders", null)).isEqualTo(401);
    assertThat(
            get("/api/v1/orders", token(KEY, List.of("manager"), Instant.now().minusSeconds(120))))
        .isEqualTo(401);
    assertThat(
            get(
                "/api/v1/orders",
                token(OTHER_KEY, List.of("manager"), Instant.now().plusSeconds(300))))
        .isEqualTo(401);
    assertThat(get("/api/v1/orders", "not-a-jwt")).isEqualTo(401);
  }

  /**
   * The decision is claimed through the API with a token; the workers (off in this context) are
   * played with the message the engine took in, so the history row is the one the process writes.
   */
  @Test
  void principalClaimNamesTheDeciderInTheOrderHistory() {
    Catalog.Setup setup = catalog.cashDeskOffer();
    String id =
        submissions.open(UUID.randomUUID().toString(), setup.clientSubmission("platform")).id();
    String token = token(KEY, List.of("manager"), Instant.now().plusSeconds(300));

    assertThat(post("/api/v1/orders/" + id + "/approve", token, "{\"comment\":\"by token\"}"))
        .isEqualTo(202);
    ReviewDecision message =
        EngineRecords.<MessageRecordValue>of(SharedEngine.get(), ValueType.MESSAGE)
            .filter(
                r ->
                    r.getIntent() == MessageIntent.PUBLISHED
                        && r.getValue().getCorrelationKey().equals(id))
            .map(r -> json.convertValue(r.getValue().getVariables(), ReviewDecision.class))
            .findFirst()
            .orElseThrow();
    settle.settle(message);
    approve.approve(id);

    JsonNode order =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/api/v1/orders/" + id)
            .headers(h -> h.setBearerAuth(token))
            .retrieve()
            .body(JsonNode.class);
    assertThat(order.get("status").asText()).isEqualTo("APPROVED");
    JsonNode approval = order.get("history").get(1);
    assertThat(approval.get("actor").asText())
        .as("preferred_username, not the subject")
        .isEqualTo("jane.manager");
    assertThat(approval.get("channel").asText()).isEqualTo("api");
  }

  @Test
  void tokenWithoutThePrincipalClaimIsUnauthorized() {
    String token =
        token(
            KEY,
            Map.of("aud", List.of(AUDIENCE), "realm_access", Map.of("roles", List.of("platform"))));
    assertThat(get("/api/v1/orders", token)).isEqualTo(401);
  }

  @Test
  void tokenForAnotherAudienceOrForNoneIsUnauthorized() {
    Map<String, Object> manager =
        Map.of(
            "preferred_username",
            "jane.manager",
            "realm_access",
            Map.of("roles", List.of("manager")));
    assertThat(get("/api/v1/orders", token(KEY, with(manager, "aud", List.of("tasklist-api")))))
        .isEqualTo(401);
    assertThat(get("/api/v1/orders", token(KEY, manager))).isEqualTo(401);
    assertThat(
            get(
                "/api/v1/orders",
                token(KEY, with(manager, "aud", List.of("operate-api", AUDIENCE)))))
        .as("one of several audiences")
        .isEqualTo(200);
  }

  @Test
  void jwtModeRefusesToStartWithoutAnAudience() {
    assertThatThrownBy(
            () -> new SecurityProperties(SecurityProperties.Mode.JWT, null, null, " ", null))
        .hasMessageContaining("OAUTH_AUDIENCE");
  }

  @Test
  void openApiDocumentAndSwaggerUiAreOffByDefault() {
    assertThat(get("/v3/api-docs", null)).isEqualTo(404);
    assertThat(get("/swagger-ui.html", null)).isEqualTo(404);
    assertThat(get("/swagger-ui/index.html", null)).isEqualTo(404);
  }

  @Test
  void basicCredentialsMeanNothingInJwtMode() {
    int status =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/api/v1/orders")
            .headers(h -> h.setBasicAuth("manager", "manager-demo"))
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(status).isEqualTo(401);
  }

  private int get(String path, String token) {
    return RestClient.create("http://localhost:" + port)
        .get()
        .uri(path)
        .headers(
            h -> {
              if (token != null) h.setBearerAuth(token);
            })
        .exchange((req, res) -> res.getStatusCode().value());
  }

  private int post(String path, String token, String body) {
    return RestClient.create("http://localhost:" + port)
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token))
        .body(body)
        .exchange((req, res) -> res.getStatusCode().value());
  }

  private static String token(RSAKey key, List<String> roles, Instant expires) {
    return token(
        key,
        Map.of(
            "preferred_username",
            "jane.manager",
            "aud",
            List.of(AUDIENCE),
            "realm_access",
            Map.of("roles", roles)),
        expires);
  }

  private static String token(RSAKey key, Map<String, Object> claims) {
    return token(key, claims, Instant.now().plusSeconds(300));
  }

  private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
    Map<String, Object> more = new HashMap<>(claims);
    more.put(name, value);
    return more;
  }

  private static String token(RSAKey key, Map<String, Object> extraClaims, Instant expires) {
    try {
      JWTClaimsSet.Builder builder =
          new JWTClaimsSet.Builder()
              .issuer("https://keycloak.example/realms/camunda-platform")
              .subject("5d1c0f6e-0000-4000-8000-000000000001")
              .issueTime(new Date())
              .expirationTime(Date.from(expires));
      extraClaims.forEach(builder::claim);
      JWTClaimsSet claims = builder.build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("test-" + System.nanoTime()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
