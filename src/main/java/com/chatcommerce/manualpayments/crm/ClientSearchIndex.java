package com.chatcommerce.manualpayments.crm;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The trigrams of every client's lower-cased name and email and of its phone (table {@code
 * client_search_grams}, migration V11), and the client search that reads them. A term of 3 or more
 * characters can only be inside a value that has all the term's trigrams, so the search reads the
 * clients listed under the term's rarest trigram, in id order, and checks the term itself on them
 * with the same LIKE as the plain walk: the trigrams only narrow the rows, the LIKE decides, and
 * the answer is the walk's. Checking further trigrams per candidate cost more than the LIKE they
 * would spare (measured on MariaDB at 100,000 clients: 6 ms against 1.4 ms).
 */
@Repository
public class ClientSearchIndex {

  /** A trigram listed under more clients than this counts as common; reading this many is cheap. */
  private static final int COMMON = 1000;

  /** Trigrams of a long term whose counts are read; the others are left to the LIKE. */
  private static final int PROBED = 8;

  private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9]*");

  private final JdbcTemplate jdbc;
  private final EntityManager entities;

  ClientSearchIndex(JdbcTemplate jdbc, EntityManager entities) {
    this.jdbc = jdbc;
    this.entities = entities;
  }

  /**
   * The trigrams stored for a client. Lower-cased one code point at a time, as the database's
   * {@code lower()} does, because the search compares the term with {@code lower(name)}.
   */
  public static Set<String> grams(String name, String email, String phone) {
    Set<String> grams = new LinkedHashSet<>();
    for (String value : new String[] {lower(name), lower(email), phone}) {
      grams.addAll(grams(value));
    }
    return grams;
  }

  /** Every run of 3 code points in the value, in order, once each. */
  static Set<String> grams(String value) {
    Set<String> grams = new LinkedHashSet<>();
    if (value != null) {
      int[] points = value.codePoints().toArray();
      for (int i = 0; i + 3 <= points.length; i++) {
        grams.add(new String(points, i, 3));
      }
    }
    return grams;
  }

  /**
   * Lower case as the database's {@code lower()} makes it, one code point at a time: not {@link
   * String#toLowerCase}, which turns a final capital sigma into a final small sigma.
   */
  static String lower(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder lowered = new StringBuilder(value.length());
    value.codePoints().forEach(point -> lowered.appendCodePoint(Character.toLowerCase(point)));
    return lowered.toString();
  }

  /** Replaces the client's trigrams; called in the transaction that creates or edits the client. */
  void index(Client client) {
    jdbc.update("DELETE FROM client_search_grams WHERE client_id = ?", client.id());
    List<Object[]> rows = new ArrayList<>();
    for (String gram : grams(client.name(), client.email(), client.phone())) {
      rows.add(new Object[] {gram, client.id()});
    }
    // The trigrams are distinct as Java compares them; a database whose collation holds two of them
    // equal (accent-insensitive: "afe", "afé") keeps one, which finds the client all the same.
    jdbc.batchUpdate(
        "INSERT IGNORE INTO client_search_grams (gram, client_id) VALUES (?, ?)", rows);
  }

  /**
   * Whether every term the search must look up is long enough to be found through its trigrams. A
   * term of 1 or 2 characters has none; it is left to the walk by id, which such a term rarely
   * makes long, since a character or two is inside most names and the page fills within its first
   * rows.
   */
  static boolean canServe(String text, String phone) {
    return terms(text, phone).stream().allMatch(term -> term.codePointCount(0, term.length()) >= 3);
  }

  /**
   * The terms whose candidates are read: the text, for the name and email (and a phone it is
   * inside), and the phone term when it differs (punctuation typed in a phone) and could be inside
   * a phone at all: phones are stored in E.164 form, a plus and digits (ContactRules).
   */
  private static Set<String> terms(String text, String phone) {
    Set<String> terms = new LinkedHashSet<>(List.of(text));
    if (PHONE_CHARACTERS.matcher(phone).matches()) {
      terms.add(phone);
    }
    return terms;
  }

  /**
   * A keyset page (at most {@code max} clients with an id above {@code after}, by id) of the
   * clients whose lower-cased name or email contains the LIKE pattern {@code textPattern} (lowered
   * by the database as the names are) or whose phone contains {@code phonePattern}; {@code text}
   * and {@code phone} are the terms the patterns were made from. A client may match either term, so
   * each term's candidates are read and the pages merged by id.
   */
  List<Client> search(
      String text, String phone, String textPattern, String phonePattern, long after, int max) {
    TreeMap<Long, Client> found = new TreeMap<>();
    for (String term : terms(text, phone)) {
      for (Client client : candidates(term, textPattern, phonePattern, after, max)) {
        found.putIfAbsent(client.id(), client);
      }
    }
    return found.values().stream().limit(max).toList();
  }

  private List<Client> candidates(
      String term, String textPattern, String phonePattern, long after, int max) {
    String rarest = rarest(List.copyOf(grams(term)), after);
    if (rarest == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Client> clients =
        entities
            .createNativeQuery(
                "SELECT c.* FROM client_search_grams g JOIN crm_clients c ON c.id = g.client_id"
                    + " WHERE g.gram = ?1 AND g.client_id > ?2 AND (lower(c.name) LIKE lower(?3) ESCAPE '!'"
                    + " OR lower(c.email) LIKE lower(?3) ESCAPE '!' OR c.phone LIKE ?4 ESCAPE '!') ORDER BY g.client_id LIMIT ?5",
                Client.class)
            .setParameter(1, rarest)
            .setParameter(2, after)
            .setParameter(3, textPattern)
            .setParameter(4, phonePattern)
            .setParameter(5, max)
            .getResultList();
    return clients;
  }

  /**
   * The rarest of the term's trigrams (of at most {@link #PROBED}, spread over it) by how many
   * clients after the cursor have it, each counted up to {@link #COMMON} so that a common trigram
   * costs no more than a rare one; null when one is in no such client, as then no client matches.
   */
  private String rarest(List<String> grams, long after) {
    List<String> probed = new ArrayList<>();
    for (int i = 0; i < Math.min(grams.size(), PROBED); i++) {
      probed.add(grams.get(grams.size() <= PROBED ? i : i * (grams.size() - 1) / (PROBED - 1)));
    }
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < probed.size(); i++) {
      sql.append(i == 0 ? "" : " UNION ALL ")
          .append("SELECT ")
          .append(i)
          .append(" AS i, COUNT(*) AS n FROM")
          .append(
              " (SELECT 1 AS one FROM client_search_grams WHERE gram = ? AND client_id > ? LIMIT ")
          .append(COMMON)
          .append(") t")
          .append(i);
      args.add(probed.get(i));
      args.add(after);
    }
    long[] counts = new long[probed.size()];
    jdbc.query(
        sql.toString(),
        row -> {
          counts[row.getInt(1)] = row.getLong(2);
        },
        args.toArray());
    int rarest = 0;
    for (int i = 0; i < probed.size(); i++) {
      if (counts[i] < counts[rarest]) {
        rarest = i;
      }
    }
    return counts[rarest] == 0 ? null : probed.get(rarest);
  }
}
