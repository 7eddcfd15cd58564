package com.chatcommerce.manualpayments.bench;

import static com.chatcommerce.manualpayments.bench.Stats.f;
import static com.chatcommerce.manualpayments.bench.Stats.line;

import com.chatcommerce.manualpayments.crm.ClientSearchIndex;
import com.chatcommerce.manualpayments.support.InMemoryEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Part 3: a large table loaded with multi-row INSERTs (no JPA), then the read endpoints' latency
 * over HTTP, one request at a time, and the EXPLAIN plans of the statements behind them.
 */
final class Scaling {

  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final int ROWS_PER_INSERT = 2000;
  private static final int OFFERS = 20;

  private final BenchConfig config;
  private final BenchDatabase db;

  /** Every 97th order id, for the single-order reads. */
  private final List<String> sampleOrderIds = new ArrayList<>();

  Scaling(BenchConfig config, BenchDatabase db) {
    this.config = config;
    this.db = db;
  }

  void run() throws Exception {
    line(
        f(
            "== scaling: %,d orders over %,d clients, one request at a time, API auth %s",
            config.orders(), config.clients(), config.auth()));
    load();
    Auth auth = Auth.of(config.auth());
    try (InMemoryEngine engine = InMemoryEngine.start();
        AppProcess app =
            AppProcess.start(config, engine.grpcAddress(), "scaling-app", auth.appArgs())) {
      Http manager = new Http(Http.newClient(), app.baseUrl(), auth.header("manager"));
      measure(manager, app);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  private void load() throws Exception {
    boolean reuse = Boolean.parseBoolean(System.getProperty("bench.reuse", "false"));
    if (reuse && tablesHold()) {
      line(
          f(
              "scaling load: reusing the %,d orders already loaded (-Dbench.reuse=true)",
              config.orders()));
      collectSampleIds();
      return;
    }
    long start = System.nanoTime();
    db.cleanAndMigrate();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      Instant created = Instant.parse("2024-01-01T00:00:00Z");
      s.executeUpdate(
          "INSERT INTO payment_systems (id, kind, name, commission_percent, fixed_fee_amount,"
              + " fixed_fee_currency, account_currency, transaction_currency, supported_currencies, created_at, version)"
              + " VALUES (1, 'MANUAL', 'Card-to-card', 2.5, 10.00, 'RUB', 'RUB', 'RUB', 'RUB,USD', '"
              + sql(created)
              + "', 0)");
      StringBuilder offers =
          new StringBuilder(
              "INSERT INTO offers (id, name, price_amount, price_currency,"
                  + " payment_system_id, confirmation_window, created_at) VALUES ");
      for (int o = 1; o <= OFFERS; o++) {
        offers
            .append(o == 1 ? "" : ",")
            .append("(")
            .append(o)
            .append(",'Offer ")
            .append(o)
            .append("',")
            .append(price(o))
            .append(",'RUB',1,'P30D','")
            .append(sql(created))
            .append("')");
      }
      s.executeUpdate(offers.toString());
      // The migration's manual account took id 1; the loaded clients take 1..n. Its search trigrams
      // move with it, which the foreign key allows only with its checks off.
      s.execute("SET SESSION foreign_key_checks = 0");
      s.executeUpdate(
          "UPDATE crm_clients SET id = " + (config.clients() + 1L) + " WHERE manual_account");
      s.executeUpdate(
          "UPDATE client_search_grams SET client_id = "
              + (config.clients() + 1L)
              + " WHERE client_id = 1");
      s.execute("SET SESSION foreign_key_checks = 1");
      for (int from = 1; from <= config.clients(); from += ROWS_PER_INSERT) {
        StringBuilder clients =
            new StringBuilder(
                "INSERT INTO crm_clients (id, name, email, phone, created_at) VALUES ");
        for (int id = from; id < from + ROWS_PER_INSERT && id <= config.clients(); id++) {
          clients
              .append(id == from ? "" : ",")
              .append("(")
              .append(id)
              .append(",'Client ")
              .append(id)
              .append("','client")
              .append(id)
              .append("@example.com','+7900")
              .append(1_000_000 + id)
              .append("','")
              .append(sql(created))
              .append("')");
        }
        s.executeUpdate(clients.toString());
      }
      loadSearchGrams(s);
    }
    loadOrders();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "ANALYZE TABLE orders, order_history, crm_client_orders, crm_clients, client_search_grams");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    line(
        f(
            "scaling load: %,d orders, %,d history rows, %,d CRM lines, %,d clients in %.0f s (%,.0f orders/s)",
            db.count("SELECT COUNT(*) FROM orders"),
            db.count("SELECT COUNT(*) FROM order_history"),
            db.count("SELECT COUNT(*) FROM crm_client_orders"),
            db.count("SELECT COUNT(*) FROM crm_clients"),
            seconds,
            config.orders() / seconds));
    line("scaling statuses: " + statusCounts());
  }

  /**
   * The loaded clients' search trigrams, as the application writes them when it creates a client.
   */
  private void loadSearchGrams(Statement s) throws Exception {
    StringBuilder grams = new StringBuilder();
    int rows = 0;
    for (int id = 1; id <= config.clients(); id++) {
      for (String gram :
          ClientSearchIndex.grams(
              "Client " + id, "client" + id + "@example.com", "+7900" + (1_000_000 + id))) {
        grams
            .append(rows == 0 ? "INSERT INTO client_search_grams (gram, client_id) VALUES " : ",")
            .append("('")
            .append(gram)
            .append("',")
            .append(id)
            .append(")");
        if (++rows == ROWS_PER_INSERT) {
          s.executeUpdate(grams.toString());
          grams.setLength(0);
          rows = 0;
        }
      }
    }
    if (rows > 0) {
      s.executeUpdate(grams.toString());
    }
  }

  private boolean tablesHold() {
    try {
      return db.count("SELECT COUNT(*) FROM orders") == config.orders()
          && db.count("SELECT COUNT(*) FROM crm_clients WHERE NOT manual_account")
              == config.clients();
    } catch (Exception e) {
      return false;
    }
  }

  private void collectSampleIds() throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id FROM orders")) {
      int i = 0;
      while (r.next()) {
        String id = r.getString(1);
        if (i++ % 97 == 0) {
          sampleOrderIds.add(id);
        }
      }
    }
  }

  private String statusCounts() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status")) {
      while (r.next()) {
        out.append(out.isEmpty() ? "" : ", ")
            .append(r.getString(1))
            .append(' ')
            .append(f("%,d", r.getLong(2)));
      }
    }
    return out.toString();
  }

  /**
   * Orders in primary-key order (random UUIDs, sorted), so InnoDB appends to its clustered index;
   * two connections insert while this thread writes the statements.
   */
  private void loadOrders() throws Exception {
    int n = config.orders();
    SplittableRandom random = new SplittableRandom(42);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      // Random (version 4) UUIDs, as the API makes them.
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      ids[i] = new UUID(high, low).toString();
    }
    Arrays.sort(ids);
    long now = Instant.now().getEpochSecond() * 1_000_000L;
    long yearMicros = 365L * 24 * 3600 * 1_000_000L;
    BlockingQueue<String[]> statements = new ArrayBlockingQueue<>(8);
    ExecutorService loaders = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      running.add(
          loaders.submit(
              () -> {
                try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                  s.execute("SET SESSION foreign_key_checks = 0");
                  s.execute("SET SESSION unique_checks = 0");
                  while (true) {
                    String[] batch = statements.take();
                    if (batch.length == 0) {
                      return null;
                    }
                    for (String statement : batch) {
                      s.executeUpdate(statement);
                    }
                  }
                }
              }));
    }
    for (int from = 0; from < n; from += ROWS_PER_INSERT) {
      StringBuilder orders =
          new StringBuilder(ROWS_PER_INSERT * 420)
              .append(
                  "INSERT INTO orders (id, source, status, client_id, offer_id, payment_system_id, submitted_amount,"
                      + " submitted_currency, final_amount, final_currency, payment_date, comment, contact_email, contact_phone,"
                      + " fee_amount, fee_currency, net_amount, net_currency, review_timeout, review_deadline, rejection_reason,"
                      + " process_instance_key, pending_action, submitted_at, updated_at, version, submitted_by,"
                      + " terms_commission_percent, terms_fixed_fee_amount, terms_fixed_fee_currency, terms_account_currency,"
                      + " terms_transaction_currency, terms_supported_currencies) VALUES ");
      StringBuilder history =
          new StringBuilder(ROWS_PER_INSERT * 300)
              .append(
                  "INSERT INTO order_history (order_id, event, field, from_value, to_value, actor, channel, comment, created_at)"
                      + " VALUES ");
      StringBuilder lines =
          new StringBuilder(ROWS_PER_INSERT * 120)
              .append(
                  "INSERT INTO crm_client_orders (order_id, client_id, offer_id, status, amount, currency, updated_at) VALUES ");
      boolean firstHistory = true;
      for (int i = from; i < Math.min(n, from + ROWS_PER_INSERT); i++) {
        String id = ids[i];
        int roll = random.nextInt(100);
        boolean manager = roll >= 90;
        // 15 % open, 40 % approved, 10 % completed (manager's), 25 % rejected, 10 % refunded.
        String status =
            roll < 15
                ? "OPEN"
                : roll < 55
                    ? "APPROVED"
                    : roll < 80 ? "REJECTED" : roll < 90 ? "REFUNDED" : "COMPLETED";
        long client = 1 + random.nextInt(config.clients());
        int offer = 1 + random.nextInt(OFFERS);
        BigDecimal price = price(offer);
        BigDecimal fee =
            price
                .multiply(new BigDecimal("0.025"))
                .add(new BigDecimal("10.00"))
                .setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal net = price.subtract(fee);
        long submittedMicros = now - (long) (random.nextDouble() * yearMicros);
        Instant submitted =
            Instant.ofEpochSecond(
                submittedMicros / 1_000_000, (submittedMicros % 1_000_000) * 1000);
        Instant updated =
            status.equals("OPEN") ? submitted : submitted.plusSeconds(3600 + random.nextInt(86400));
        String reason =
            status.equals("REJECTED")
                ? (random.nextInt(4) == 0 ? "'TIMEOUT'" : "'MANAGER'")
                : "NULL";
        String submitter = manager ? "manager" : "platform";
        orders
            .append(i == from ? "(" : ",(")
            .append('\'')
            .append(id)
            .append("','")
            .append(manager ? "MANAGER" : "CLIENT")
            .append("','")
            .append(status)
            .append("',")
            .append(client)
            .append(',')
            .append(offer)
            .append(",1,")
            .append(price)
            .append(",'RUB',")
            .append(price)
            .append(",'RUB','")
            .append(submitted.atZone(ZoneOffset.UTC).toLocalDate())
            .append("','paid from card *1234',")
            .append(
                manager
                    ? "'client" + client + "@example.com','+7900" + (1_000_000 + client) + "'"
                    : "NULL,NULL")
            .append(',')
            .append(fee)
            .append(",'RUB',")
            .append(net)
            .append(",'RUB','P30D','")
            .append(sql(submitted.plusSeconds(30L * 86400)))
            .append("',")
            .append(reason)
            .append(',')
            .append(2_251_799_813_685_248L + i)
            .append(",NULL,'")
            .append(sql(submitted))
            .append("','")
            .append(sql(updated))
            .append("',")
            .append(status.equals("OPEN") ? 0 : 1)
            .append(",'")
            .append(submitter)
            .append("',2.5,10.00,'RUB','RUB','RUB','RUB,USD')");
        String actor = manager ? "manager" : "client:" + client;
        history
            .append(firstHistory ? "(" : ",(")
            .append('\'')
            .append(id)
            .append("','SUBMITTED','status',NULL,'OPEN','")
            .append(actor)
            .append("','api','paid from card *1234','")
            .append(sql(submitted))
            .append("')");
        firstHistory = false;
        if (!status.equals("OPEN")) {
          String decided = status.equals("REFUNDED") ? "APPROVED" : status;
          history
              .append(",('")
              .append(id)
              .append("','")
              .append(decided)
              .append("','status','OPEN','")
              .append(decided)
              .append("','manager','api',NULL,'")
              .append(sql(updated))
              .append("')");
          if (status.equals("REFUNDED")) {
            history
                .append(",('")
                .append(id)
                .append(
                    "','REFUNDED','status','APPROVED','REFUNDED','manager','api',"
                        + "'course cancelled','")
                .append(sql(updated.plusSeconds(86400)))
                .append("')");
          }
        }
        lines
            .append(i == from ? "(" : ",(")
            .append('\'')
            .append(id)
            .append("',")
            .append(client)
            .append(',')
            .append(offer)
            .append(",'")
            .append(status)
            .append("',")
            .append(price)
            .append(",'RUB','")
            .append(sql(updated))
            .append("')");
        if (i % 97 == 0) {
          sampleOrderIds.add(id);
        }
      }
      statements.put(new String[] {orders.toString(), history.toString(), lines.toString()});
    }
    for (int t = 0; t < 2; t++) {
      statements.put(new String[0]);
    }
    for (Future<?> f : running) {
      f.get();
    }
    loaders.shutdown();
  }

  private static BigDecimal price(int offer) {
    return BigDecimal.valueOf(500L + 250L * offer).setScale(2, RoundingMode.UNNECESSARY);
  }

  private static String sql(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(SQL_TIME);
  }

  // ---------------------------------------------------------------------------------------------
  // Measuring

  private interface Request {
    Http.Response send(int i) throws Exception;
  }

  private void measure(Http api, AppProcess app) throws Exception {
    int samples = config.samples();
    SplittableRandom random = new SplittableRandom(7);
    String first = "/api/v1/orders?status=OPEN";
    long walkStart = System.nanoTime();
    DeepPage deep = followCursors(api, first);
    double walkMs = (System.nanoTime() - walkStart) / 1e6;
    line(
        f(
            "scaling: followed nextCursor through pages 1..%d of status=OPEN in %.0f ms (%.1f ms a page)",
            config.pages() - 1, walkMs, walkMs / Math.max(1, config.pages() - 1)));

    Stats.loadLine("scaling reads");
    CpuMeter cpu = new CpuMeter("bench JVM (HTTP driver)", app.pid()).start();
    app.startProfile("scaling");
    report(f("GET /api/v1/orders?status=OPEN (page 1, 20 orders)"), samples, i -> api.get(first));
    report(
        f("GET /api/v1/orders?status=OPEN (page %d, via cursors)", config.pages()),
        samples,
        i -> api.get(deep.url()));
    report(
        "GET /api/v1/clients/{id}/orders (random client, ~"
            + config.orders() / config.clients()
            + " lines)",
        samples,
        i -> api.get("/api/v1/clients/" + (1 + random.nextInt(config.clients())) + "/orders"));
    report(
        "GET /api/v1/orders/{id} (random order, with its history)",
        samples,
        i ->
            api.get("/api/v1/orders/" + sampleOrderIds.get(random.nextInt(sampleOrderIds.size()))));
    String queue = "/api/v1/orders?status=OPEN&sort=reviewDeadline";
    String deepQueue = followCursors(api, queue).url();
    String expiring = queue + "&deadlineBefore=" + medianOpenDeadline();
    report("GET " + queue + " (page 1, with the names)", samples, i -> api.get(queue));
    report(
        f("GET %s (page %d, via cursors)", queue, config.pages()),
        samples,
        i -> api.get(deepQueue));
    report(
        "GET " + queue + "&deadlineBefore= (half the OPEN orders' deadlines before it)",
        samples,
        i -> api.get(expiring));
    report(
        "GET /api/v1/clients?q=client+<n> (a random client's name: a few matches)",
        samples,
        i ->
            api.get(
                "/api/v1/clients?q="
                    + URLEncoder.encode(
                        "client " + (1 + random.nextInt(config.clients())),
                        StandardCharsets.UTF_8)));
    report(
        "GET /api/v1/clients?q=<phone> (one match)",
        samples,
        i -> api.get("/api/v1/clients?q=" + (1_000_000 + 1 + random.nextInt(config.clients()))));
    report(
        "GET /api/v1/clients?q=example.com (every client matches: the page fills at once)",
        samples,
        i -> api.get("/api/v1/clients?q=example.com"));

    app.stopProfile();
    line(cpu.stop());
    deepPage();
    String at = deep.lastBefore().path("submittedAt").asText();
    String lastId = deep.lastBefore().path("id").asText();
    String atSql = sql(Instant.parse(at));
    String someId = sampleOrderIds.get(sampleOrderIds.size() / 2);
    String columns = "o.id, o.status, o.client_id, o.submitted_at";
    explain(
        "page 1 of status=OPEN",
        "SELECT "
            + columns
            + " FROM orders o WHERE o.status = 'OPEN'"
            + " ORDER BY o.submitted_at DESC, o.id DESC LIMIT 21");
    explain(
        "page " + config.pages() + " of status=OPEN",
        "SELECT "
            + columns
            + " FROM orders o WHERE o.status = 'OPEN'"
            + " AND (o.submitted_at < '"
            + atSql
            + "' OR o.submitted_at = '"
            + atSql
            + "' AND o.id < '"
            + lastId
            + "')"
            + " ORDER BY o.submitted_at DESC, o.id DESC LIMIT 21");
    String names =
        "o.id, c.name, f.name, ps.name FROM orders o LEFT JOIN crm_clients c ON c.id = o.client_id"
            + " LEFT JOIN offers f ON f.id = o.offer_id LEFT JOIN payment_systems ps ON ps.id = o.payment_system_id";
    explain(
        "page 1 of the review queue, with the names",
        "SELECT "
            + names
            + " WHERE o.status = 'OPEN'"
            + " ORDER BY o.review_deadline, o.id LIMIT 21");
    explain(
        "page 1 of OPEN orders with a deadline before an instant",
        "SELECT "
            + names
            + " WHERE o.status = 'OPEN' AND o.review_deadline < '"
            + sql(Instant.now())
            + "'"
            + " ORDER BY o.review_deadline, o.id LIMIT 21");
    explain(
        "client search, counting a trigram of 'client 4242' up to 1000 clients",
        "SELECT COUNT(*) FROM"
            + " (SELECT 1 AS one FROM client_search_grams WHERE gram = '424' AND client_id > 0 LIMIT 1000) t");
    String like =
        " AND (lower(c.name) LIKE '%client 4242%' ESCAPE '!' OR lower(c.email) LIKE '%client 4242%'"
            + " ESCAPE '!' OR c.phone LIKE '%client4242%' ESCAPE '!') ORDER BY g.client_id LIMIT 21";
    explain(
        "client search, the clients under its rarest trigram",
        "SELECT c.id FROM client_search_grams g"
            + " JOIN crm_clients c ON c.id = g.client_id WHERE g.gram = '424' AND g.client_id > 0"
            + like);
    explain(
        "client search, a term every client has ('example.com')",
        "SELECT c.id FROM client_search_grams g"
            + " JOIN crm_clients c ON c.id = g.client_id WHERE g.gram = 'exa' AND g.client_id > 0"
            + like.replace("client 4242", "example.com").replace("client4242", "example.com"));
    explain("client exists", "SELECT c.id FROM crm_clients c WHERE c.id = 4242 LIMIT 1");
    explain(
        "client's CRM lines",
        "SELECT l.order_id, l.status, l.updated_at FROM crm_client_orders l"
            + " WHERE l.client_id = 4242 ORDER BY l.updated_at DESC");
    explain("one order", "SELECT " + columns + " FROM orders o WHERE o.id = '" + someId + "'");
    explain(
        "its history",
        "SELECT h.id, h.event FROM order_history h WHERE h.order_id = '"
            + someId
            + "' ORDER BY h.id");
  }

  /** Page {@code config.pages()} of a list: its address, and the last order of the page before. */
  private record DeepPage(String url, JsonNode lastBefore) {}

  /**
   * Page {@code config.pages()} of {@code first}, by following nextCursor from page 1; each cursor
   * goes into the query URL-encoded.
   */
  private DeepPage followCursors(Http api, String first) throws Exception {
    String url = first;
    JsonNode lastBefore = null;
    for (int page = 1; page < config.pages(); page++) {
      JsonNode body = ok(api.get(url)).json();
      String cursor = body.path("nextCursor").asText(null);
      if (cursor == null) {
        throw new IllegalStateException(
            "only " + page + " pages of " + first + "; load more orders");
      }
      JsonNode orders = body.path("orders");
      lastBefore = orders.get(orders.size() - 1);
      url = first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
    return new DeepPage(url, lastBefore);
  }

  private String medianOpenDeadline() throws Exception {
    long open = db.count("SELECT COUNT(*) FROM orders WHERE status = 'OPEN'");
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT review_deadline FROM orders WHERE status = 'OPEN'"
                    + " ORDER BY review_deadline LIMIT 1 OFFSET "
                    + open / 2)) {
      r.next();
      return r.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC).toString();
    }
  }

  /**
   * The statement behind a page far deeper than the HTTP runs go (40,000 OPEN orders in, page
   * 2,001), timed on its own over JDBC: a keyset page should cost the same at any depth.
   */
  private void deepPage() throws Exception {
    int depth =
        Math.min(40_000, (int) db.count("SELECT COUNT(*) FROM orders WHERE status = 'OPEN'") - 100);
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      String at;
      String id;
      try (ResultSet r =
          s.executeQuery(
              "SELECT submitted_at, id FROM orders WHERE status = 'OPEN'"
                  + " ORDER BY submitted_at DESC, id DESC LIMIT 1 OFFSET "
                  + (depth - 1))) {
        r.next();
        at = r.getString(1);
        id = r.getString(2);
      }
      String sql =
          "SELECT o.* FROM orders o WHERE o.status = 'OPEN' AND (o.submitted_at < '"
              + at
              + "' OR o.submitted_at = '"
              + at
              + "' AND o.id < '"
              + id
              + "') ORDER BY o.submitted_at DESC, o.id DESC"
              + " LIMIT 21";
      long[] nanos = new long[20];
      for (int i = 0; i < nanos.length; i++) {
        long t = System.nanoTime();
        try (ResultSet r = s.executeQuery(sql)) {
          while (r.next()) {
            r.getString(1);
          }
        }
        nanos[i] = System.nanoTime() - t;
      }
      line(
          f(
              "scaling SQL of the page after %,d OPEN orders (page %,d), over JDBC: %s",
              depth, depth / 20 + 1, Stats.latencies(nanos)));
    }
  }

  private void report(String what, int samples, Request request) throws Exception {
    int warmup = Math.max(50, samples / 10);
    for (int i = 0; i < warmup; i++) {
      ok(request.send(i));
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t = System.nanoTime();
      ok(request.send(i));
      nanos[i] = System.nanoTime() - t;
    }
    double p95 = Stats.percentileMs(nanos, 95);
    line(
        f(
            "scaling %s: %s -> p95 %s 20 ms",
            what, Stats.latencies(nanos), p95 <= 20 ? "<=" : "> TARGET"));
  }

  private void explain(String what, String sql) throws Exception {
    line("EXPLAIN " + what + ": " + sql);
    for (String row : db.explain(sql)) {
      line("  " + row);
    }
  }

  private static Http.Response ok(Http.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
    }
    return response;
  }
}
