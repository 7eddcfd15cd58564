package com.chatcommerce.manualpayments.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/** The benchmark's own database: emptied and migrated with the application's real migrations. */
final class BenchDatabase {

  private final BenchConfig config;

  BenchDatabase(BenchConfig config) {
    this.config = config;
    if (config.dbUrl().contains("manual_payments_test")) {
      throw new IllegalArgumentException(
          "the benchmark never uses the tests' database manual_payments_test");
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(config.dbUrl(), config.dbUser(), config.dbPassword())
        .locations("classpath:db/migration")
        .cleanDisabled(false)
        .load();
  }

  /** Drops every table of the benchmark database; the application migrates it again on start. */
  void clean() {
    flyway().clean();
  }

  void cleanAndMigrate() {
    Flyway flyway = flyway();
    flyway.clean();
    flyway.migrate();
  }

  long count(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * Waits for the orders of a load run to be done: polls every 2 s until no order is OPEN or has a
   * decision still pending, or {@code deadline} passed. Returns the orders still OPEN or pending.
   */
  long awaitOrdersDone(Instant deadline) throws SQLException, InterruptedException {
    long open;
    do {
      Thread.sleep(2_000);
      open =
          count("SELECT COUNT(*) FROM orders WHERE status = 'OPEN' OR pending_action IS NOT NULL");
    } while (open > 0 && Instant.now().isBefore(deadline));
    return open;
  }

  /** The chat indicators posted more than once: pairs of order and status with two rows or more. */
  long duplicateIndicators() throws SQLException {
    return count(
        "SELECT COUNT(*) FROM (SELECT order_id, status FROM chat_indicators"
            + " GROUP BY order_id, status HAVING COUNT(*) > 1) d");
  }

  /** EXPLAIN of one statement as plain lines, one per row of the plan. */
  List<String> explain(String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (i > 1) {
            line.append(" | ");
          }
          line.append(meta.getColumnLabel(i)).append('=').append(r.getString(i));
        }
        lines.add(line.toString());
      }
    }
    return lines;
  }
}
