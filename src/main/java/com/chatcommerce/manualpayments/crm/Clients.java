package com.chatcommerce.manualpayments.crm;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Clients {

  private final ClientRepository repository;
  private final Clock clock;

  public Clients(ClientRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  public Client create(String name, String email, String phone) {
    return repository.save(
        new Client(
            name(name),
            ContactRules.email(email, "email", false),
            ContactRules.phone(phone, "phone", false),
            clock.instant()));
  }

  /** Replaces the client's name and contacts; the orders keep the contacts they were submitted with. */
  @Transactional
  public Client update(long id, String name, String email, String phone) {
    String checkedName = name(name);
    String checkedEmail = ContactRules.email(email, "email", false);
    String checkedPhone = ContactRules.phone(phone, "phone", false);
    Client client = get(id);
    client.apply(checkedName, checkedEmail, checkedPhone);
    return client;
  }

  private static String name(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (name.length() > 200) {
      throw new InvalidInputException("name", "is longer than 200 characters");
    }
    return name;
  }

  @Transactional(readOnly = true)
  public Client get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("client", id));
  }

  /** The CRM client that keeps the payments of users of the platform who are not CRM clients. */
  @Transactional(readOnly = true)
  public Client manualAccount() {
    return repository.findByManualAccountTrue()
        .orElseThrow(() -> new IllegalStateException("the manual account is missing; migration V8 creates it"));
  }

  /** In the order they were created, a keyset page at a time. */
  @Transactional(readOnly = true)
  public Page<Client> list(int limit, String cursor) {
    Cursors.requireLimit(limit);
    List<Client> found = repository.findByIdGreaterThanOrderByIdAsc(Cursors.idAfter(cursor), Limit.of(limit + 1));
    return Page.of(found, limit, client -> Cursors.ofId(client.id()));
  }
}
