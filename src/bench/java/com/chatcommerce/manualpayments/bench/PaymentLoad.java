package com.chatcommerce.manualpayments.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The payments the platform sends in the soak and the crash test, the same mix in both so that
 * their figures compare: a steady number a second, each submitted with a key of its own and, 1–5 s
 * after its order is answered, approved or rejected by a manager, or left to run out its time to
 * confirm. Every request goes through {@link KeyedRequests}, retried as the bench's policy says.
 */
final class PaymentLoad {

  /** Short, so that the payments left to expire end within the run. */
  static final Duration SHORT_WINDOW = Duration.ofSeconds(30);

  /** The mix {@link Plan#draw} makes, in the words the benches print. */
  static final String MIX =
      "70 % approved, 10 % rejected, 20 % expire after " + SHORT_WINDOW.toSeconds() + " s";

  enum Plan {
    APPROVE,
    REJECT,
    EXPIRE;

    static Plan draw() {
      int dice = ThreadLocalRandom.current().nextInt(10);
      return dice < 7 ? APPROVE : dice < 8 ? REJECT : EXPIRE;
    }
  }

  /** One payment: what is planned for it, and what became of it. */
  static final class Flow {
    final Plan plan;

    /** The order its submission was answered with; null until then. */
    volatile String orderId;

    /** The load is done with it: no request of it waits or will go again. */
    volatile boolean settled;

    Flow(Plan plan) {
      this.plan = plan;
    }

    /** Its submission was given up on: a payment lost. */
    boolean lost() {
      return settled && orderId == null;
    }
  }

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(64);
  private final Map<String, Flow> flowsByKey = new ConcurrentHashMap<>();
  private final KeyedRequests requests;
  private final String keyPrefix;
  private final Http platform;
  private final Http manager;
  private final String clientId;
  private final String longOffer;
  private final String shortOffer;
  private ScheduledFuture<?> generator;

  private PaymentLoad(
      String name,
      KeyedRequests.Retry retry,
      String givenUpAs,
      Http platform,
      Http manager,
      String clientId,
      String longOffer,
      String shortOffer) {
    executor.setRemoveOnCancelPolicy(true);
    String bench = name.toLowerCase(Locale.ROOT);
    this.requests = new KeyedRequests(executor, retry, bench, givenUpAs);
    this.keyPrefix = bench + "-";
    this.platform = platform;
    this.manager = manager;
    this.clientId = clientId;
    this.longOffer = longOffer;
    this.shortOffer = shortOffer;
  }

  /**
   * Creates what the payments are made of, named after the bench: a payment system, an offer with
   * the default time to confirm and one with {@link #SHORT_WINDOW}, and a client. Requests given up
   * are printed in the words of the bench's summary ({@link KeyedRequests}).
   */
  static PaymentLoad prepare(
      String name, KeyedRequests.Retry retry, String givenUpAs, Http platform, Http manager)
      throws IOException, InterruptedException {
    String paymentSystem =
        manager.create(
            "/api/v1/payment-systems",
            "{\"name\":\""
                + name
                + " desk\",\"commissionPercent\":\"2.5\",\"accountCurrency\":\"RUB\","
                + "\"transactionCurrency\":\"RUB\",\"supportedCurrencies\":[\"RUB\"]}");
    String longOffer =
        manager.create(
            "/api/v1/offers",
            "{\"name\":\""
                + name
                + "\",\"price\":{\"amount\":\"100.00\",\"currency\":\"RUB\"},\"paymentSystemId\":"
                + paymentSystem
                + "}");
    String shortOffer =
        manager.create(
            "/api/v1/offers",
            "{\"name\":\""
                + name
                + " short\",\"price\":{\"amount\":\"100.00\",\"currency\":\"RUB\"},"
                + "\"paymentSystemId\":"
                + paymentSystem
                + ",\"confirmationWindow\":\""
                + SHORT_WINDOW
                + "\"}");
    String clientId = manager.create("/api/v1/clients", "{\"name\":\"" + name + " client\"}");
    return new PaymentLoad(
        name, retry, givenUpAs, platform, manager, clientId, longOffer, shortOffer);
  }

  /** Starts {@code rate} new flows every second from now on. */
  void start(int rate) {
    generator =
        executor.scheduleAtFixedRate(
            () -> {
              for (int i = 0; i < rate; i++) {
                executor.execute(this::startFlow);
              }
            },
            0,
            1,
            TimeUnit.SECONDS);
  }

  /** New flows stop; decisions and retries already planned still go out. */
  void stopNewFlows() {
    generator.cancel(false);
  }

  /** Whether a request is being sent or waits for its time. */
  boolean busy() {
    return !executor.getQueue().isEmpty() || executor.getActiveCount() > 0;
  }

  /** Stops at once, requests still planned included. */
  void shutdown() {
    executor.shutdownNow();
  }

  KeyedRequests requests() {
    return requests;
  }

  /** Every flow started, one a submission key. */
  Collection<Flow> flows() {
    return flowsByKey.values();
  }

  /** The flows whose submission was answered with an order. */
  List<Flow> answered() {
    return flows().stream().filter(f -> f.orderId != null).toList();
  }

  long settled() {
    return flows().stream().filter(f -> f.settled).count();
  }

  private void startFlow() {
    Plan plan = Plan.draw();
    String offer = plan == Plan.EXPIRE ? shortOffer : longOffer;
    String key = keyPrefix + UUID.randomUUID();
    Flow flow = new Flow(plan);
    flowsByKey.put(key, flow);
    requests.send(
        "submit",
        201,
        () ->
            platform.post(
                "/api/v1/orders", "{\"offerId\":" + offer + ",\"clientId\":" + clientId + "}", key),
        submitted -> {
          flow.orderId = submitted.json().get("id").asText();
          if (plan == Plan.EXPIRE) {
            flow.settled = true;
            return;
          }
          String decision = plan == Plan.APPROVE ? "approve" : "reject";
          executor.schedule(
              () ->
                  requests.send(
                      decision,
                      202,
                      () ->
                          manager.post(
                              "/api/v1/orders/" + flow.orderId + "/" + decision,
                              "{}",
                              key + "-" + decision),
                      decided -> flow.settled = true,
                      () -> flow.settled = true),
              ThreadLocalRandom.current().nextInt(1, 6),
              TimeUnit.SECONDS);
        },
        () -> flow.settled = true);
  }
}
