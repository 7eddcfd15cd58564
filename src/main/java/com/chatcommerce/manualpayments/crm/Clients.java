package com.chatcommerce.manualpayments.crm;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Clients {

  public static final int MAX_LIMIT = 100;
  private static final int MAX_QUERY = 200;

  private final ClientRepository repository;
  private final Clock clock;

  public Clients(ClientRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  public Client create(String name, String email, String phone) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (name.length() > 200) {
      throw new InvalidInputException("name", "is longer than 200 characters");
    }
    return repository.save(
        new Client(
            name,
            ContactRules.email(email, "email", false),
            ContactRules.phone(phone, "phone", false),
            clock.instant()));
  }

  @Transactional(readOnly = true)
  public Client get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("client", id));
  }

  /**
   * Clients by id, a keyset page at a time; with {@code query}, only those whose name, email or
   * phone contains it, ignoring case. Spaces, dashes and brackets typed in a phone number are
   * ignored, since phones are stored in E.164 form.
   */
  @Transactional(readOnly = true)
  public ClientPage find(String query, int limit, String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (query != null && query.length() > MAX_QUERY) {
      throw new InvalidInputException("q", "is longer than " + MAX_QUERY + " characters");
    }
    long after = cursor == null || cursor.isBlank() ? 0 : decode(cursor);
    PageRequest onePast = PageRequest.ofSize(limit + 1);
    List<Client> found;
    if (query == null || query.isBlank()) {
      found = repository.page(after, onePast);
    } else {
      String text = query.strip().toLowerCase(Locale.ROOT);
      String phone = text.replaceAll("[\\s()-]", "");
      found = repository.search(contains(text), contains(phone.isEmpty() ? text : phone), after, onePast);
    }
    if (found.size() <= limit) {
      return new ClientPage(found, null);
    }
    List<Client> page = List.copyOf(found.subList(0, limit));
    return new ClientPage(page, encode(page.get(limit - 1).id()));
  }

  private static String contains(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  private static String encode(long id) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("client:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!raw.startsWith("client:")) {
        throw new IllegalArgumentException("not a client cursor");
      }
      return Long.parseLong(raw.substring("client:".length()));
    } catch (RuntimeException e) {
      throw new InvalidInputException("cursor", "is not a cursor this API returned");
    }
  }
}
