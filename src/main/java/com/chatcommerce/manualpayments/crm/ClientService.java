package com.chatcommerce.manualpayments.crm;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.error.TextRules;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ClientService {

  private final ClientRepository repository;
  private final ClientSearchIndex searchIndex;
  private final Clock clock;

  public ClientService(ClientRepository repository, ClientSearchIndex searchIndex, Clock clock) {
    this.repository = repository;
    this.searchIndex = searchIndex;
    this.clock = clock;
  }

  @Transactional
  public Client create(String name, String email, String phone) {
    Client client =
        repository.save(
            new Client(
                TextRules.name(name, "name"),
                ContactRules.email(email, "email", false),
                ContactRules.phone(phone, "phone", false),
                clock.instant()));
    searchIndex.index(client);
    return client;
  }

  /**
   * Replaces the client's name and contacts; the orders keep the contacts they were submitted with.
   */
  @Transactional
  public Client update(long id, String name, String email, String phone) {
    String checkedName = TextRules.name(name, "name");
    String checkedEmail = ContactRules.email(email, "email", false);
    String checkedPhone = ContactRules.phone(phone, "phone", false);
    Client client = get(id);
    client.apply(checkedName, checkedEmail, checkedPhone);
    searchIndex.index(client);
    return client;
  }

  @Transactional(readOnly = true)
  public Client get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("client", id));
  }

  /** The CRM client that keeps the payments of users of the platform who are not CRM clients. */
  @Transactional(readOnly = true)
  public Client manualAccount() {
    return repository.manualAccount();
  }

  /**
   * Clients in the order they were created, a keyset page at a time; with {@code query}, only those
   * whose name, email or phone contains it, ignoring case. Spaces, dashes and brackets typed in a
   * phone number are ignored, since phones are stored in E.164 form.
   */
  @Transactional(readOnly = true)
  public Page<Client> find(String query, int limit, String cursor) {
    Cursors.requireLimit(limit);
    if (query != null && query.length() > TextRules.NAME) {
      throw new InvalidInputException("q", "is longer than " + TextRules.NAME + " characters");
    }
    long after = Cursors.idAfter(cursor);
    Limit onePast = Limit.of(limit + 1);
    List<Client> found;
    if (query == null || query.isBlank()) {
      found = repository.findByIdGreaterThanOrderByIdAsc(after, onePast);
    } else {
      // The index's trigrams are lowered in Java as its stored ones are; the LIKE that checks the
      // candidates lowers the term in the database, as it lowers the names it compares it with:
      // databases differ in how (H2 writes a final sigma where MariaDB writes sigma).
      String typed = query.strip();
      String text = ClientSearchIndex.lower(typed);
      String stripped = text.replaceAll("[\\s()-]", "");
      String phone = stripped.isEmpty() ? text : stripped;
      found =
          ClientSearchIndex.canServe(text, phone)
              ? searchIndex.search(text, phone, contains(typed), contains(phone), after, limit + 1)
              : repository.search(contains(typed), contains(phone), after, onePast);
    }
    return Page.of(found, limit, client -> Cursors.ofId(client.id()));
  }

  private static String contains(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
