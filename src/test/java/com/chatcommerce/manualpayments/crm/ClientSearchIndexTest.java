package com.chatcommerce.manualpayments.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatcommerce.manualpayments.paging.Page;
import com.chatcommerce.manualpayments.support.Api;
import com.chatcommerce.manualpayments.support.Fixtures;
import com.chatcommerce.manualpayments.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The client search's trigrams follow the clients, and the search answers as the plain LIKE does.
 */
@IntegrationTest
class ClientSearchIndexTest {

  /**
   * Letters in both cases and scripts, the LIKE wildcards and escape, digits and phone punctuation.
   */
  private static final String ALPHABET = "жЖёЁqQzZ%_!-( )79";

  /** What an email's local part may hold of it. */
  private static final String EMAIL_ALPHABET = "qQzZ%_!-79";

  @LocalServerPort int port;
  @Autowired ClientService clients;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRenamedClientIsFoundByItsNewNameAndContactsAndNoLongerByItsOldOnes() {
    Api api = new Api(port);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String phone = "+7913" + (1_000_000 + Math.abs(tag.hashCode() % 9_000_000));
    long id = new Fixtures(api).client("Oldname " + tag, "old." + tag + "@example.com", phone);
    assertThat(found(api, "oldname " + tag)).containsExactly(id);

    Api.Response edited =
        api.put(
            "/api/v1/clients/" + id,
            "{\"name\":\"Newname " + tag + "\",\"email\":\"new." + tag + "@example.com\"}");
    assertThat(edited.status()).as(edited.raw()).isEqualTo(200);

    assertThat(found(api, "newname " + tag)).containsExactly(id);
    assertThat(found(api, "new." + tag)).containsExactly(id);
    assertThat(found(api, "oldname " + tag)).isEmpty();
    assertThat(found(api, "old." + tag)).isEmpty();
    assertThat(found(api, phone.substring(1))).as("the phone was removed").isEmpty();
  }

  @Test
  void theSearchFindsExactlyWhatThePlainLikeFindsOnAGeneratedSet() {
    SplittableRandom random = new SplittableRandom(15);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String name = word(random, ALPHABET, 3 + random.nextInt(10));
      String email =
          random.nextInt(3) == 0
              ? null
              : "z"
                  + word(random, EMAIL_ALPHABET, 2 + random.nextInt(6))
                  + "@q"
                  + random.nextInt(5)
                  + ".example";
      String phone =
          random.nextInt(2) == 0 ? null : "+7977" + (1_000_000 + random.nextInt(9_000_000));
      clients.create(name, email, phone);
      values.add(name);
      values.add(email == null ? name : email);
      values.add(
          phone == null
              ? name
              : phone.substring(1, 4) + " " + phone.substring(4, 8) + "-" + phone.substring(8));
    }
    List<String> queries =
        new ArrayList<>(
            List.of(
                "жж", "%", "_q", "ё!", "!!!", "%_%", "--(", "7 9 7", "( +", "+7 977", "(977) 1",
                "ж ж", "z q"));
    for (int i = 0; i < 80; i++) {
      String value = values.get(random.nextInt(values.size()));
      int length = Math.min(value.length(), 3 + random.nextInt(5));
      int from = random.nextInt(value.length() - length + 1);
      String term = value.substring(from, from + length);
      if (!term.isBlank()) {
        queries.add(random.nextBoolean() ? term.toUpperCase(Locale.ROOT) : term);
      }
      queries.add(word(random, ALPHABET, 3 + random.nextInt(3)));
    }

    for (String query : queries) {
      assertThat(searched(query)).as("q=[%s]", query).isEqualTo(plainLike(query));
    }
  }

  private static String word(SplittableRandom random, String alphabet, int length) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < length; i++) {
      word.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return word.toString().isBlank() ? word.append('q').toString() : word.toString();
  }

  /** Every client the search finds, following its cursor a small page at a time. */
  private List<Long> searched(String query) {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    do {
      Page<Client> page = clients.find(query, 7, cursor);
      page.items().forEach(client -> ids.add(client.id()));
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  /** The answer of the search as it was before its trigrams: one LIKE over every client. */
  private List<Long> plainLike(String query) {
    String text = query.strip().toLowerCase(Locale.ROOT);
    String digits = text.replaceAll("[\\s()-]", "");
    String phone = digits.isEmpty() ? text : digits;
    return jdbc.queryForList(
        "SELECT id FROM crm_clients WHERE lower(name) LIKE ? ESCAPE '!'"
            + " OR lower(email) LIKE ? ESCAPE '!' OR phone LIKE ? ESCAPE '!' ORDER BY id",
        Long.class,
        like(text),
        like(text),
        like(phone));
  }

  private static String like(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  private static List<Long> found(Api api, String query) {
    JsonNode page = api.get("/api/v1/clients?q=" + query).body();
    List<Long> ids = new ArrayList<>();
    page.get("clients").forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }
}
