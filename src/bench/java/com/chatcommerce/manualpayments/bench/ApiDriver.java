package com.chatcommerce.manualpayments.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real thing: submissions and approvals through the API over HTTP, as the platform and a
 * manager send them; the application's workers do the rest against MariaDB. A flow is OPEN (and
 * recorded) when its OPEN chat indicator row exists — the last of the three OPEN steps, so the
 * order row, its CRM line and the chat indicator are all there — and decided when its APPROVED
 * indicator row exists, the last step before the process ends.
 */
final class ApiDriver implements FlowRunner.Driver {

  private final Http platform;
  private final Http manager;
  private final long offerId;
  private final long[] clientIds;
  private final boolean idempotencyKeys;
  private final AtomicInteger accepted = new AtomicInteger();

  ApiDriver(Http platform, Http manager, long offerId, long[] clientIds, boolean idempotencyKeys) {
    this.platform = platform;
    this.manager = manager;
    this.offerId = offerId;
    this.clientIds = clientIds;
    this.idempotencyKeys = idempotencyKeys;
  }

  @Override
  public String submit(int flow) throws Exception {
    Http.Response response =
        platform.post(
            "/api/v1/orders",
            "{\"offerId\":"
                + offerId
                + ",\"clientId\":"
                + clientIds[flow % clientIds.length]
                + ",\"comment\":\"paid from card *1234\"}",
            idempotencyKeys ? "submit-" + UUID.randomUUID() : null);
    if (response.status() != 201) {
      throw new IllegalStateException("submit gave " + response.status() + ": " + response.body());
    }
    accepted.incrementAndGet();
    return response.json().get("id").asText();
  }

  /** Submissions the API accepted (201): each must end as one APPROVED order. */
  int accepted() {
    return accepted.get();
  }

  @Override
  public void approve(String orderId) throws Exception {
    Http.Response response =
        manager.post(
            "/api/v1/orders/" + orderId + "/approve",
            "{}",
            idempotencyKeys ? "approve-" + orderId : null);
    if (response.status() != 202) {
      throw new IllegalStateException("approve gave " + response.status() + ": " + response.body());
    }
  }

  /**
   * Watches the chat indicators table and signals each new row. Ids are handed out at insert and
   * rows commit a little out of that order, so each poll reads again a window below the highest id
   * seen. A row the window misses would have to stay uncommitted while {@value #REREAD} later rows
   * were inserted, far more than the flows in flight make; its flow would then time out and count
   * as failed, not pass unseen. The watcher is measuring gear that shares the engine's cores, so it
   * reads no more than it must: a window of 1,000 rows every 5 ms read 200,000 rows a second.
   */
  static final class IndicatorWatcher implements AutoCloseable {
    private static final int REREAD = 200;
    private static final long POLL_MILLIS = 10;

    private final Thread thread;
    private volatile boolean running = true;

    IndicatorWatcher(BenchDatabase db, FlowRunner.Signals signals) {
      thread =
          Thread.ofPlatform()
              .name("indicator-watcher")
              .daemon()
              .start(
                  () -> {
                    Set<Long> seen = new HashSet<>();
                    long highest = 0;
                    try (Connection c = db.connect();
                        PreparedStatement poll =
                            c.prepareStatement(
                                "SELECT id, order_id, status FROM chat_indicators WHERE id > ? ORDER BY id")) {
                      c.setAutoCommit(true);
                      while (running) {
                        poll.setLong(1, Math.max(0, highest - REREAD));
                        try (ResultSet r = poll.executeQuery()) {
                          while (r.next()) {
                            long id = r.getLong(1);
                            if (seen.add(id)) {
                              signals.reached(r.getString(2), r.getString(3));
                              highest = Math.max(highest, id);
                            }
                          }
                        }
                        Thread.sleep(POLL_MILLIS);
                      }
                    } catch (Exception e) {
                      if (running) {
                        System.err.println("indicator watcher stopped: " + e);
                      }
                    }
                  });
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(5000);
    }
  }
}
