package com.chatcommerce.manualpayments.crm;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ClientRepository extends JpaRepository<Client, Long> {

  /** A keyset page of every client, by id. */
  List<Client> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);

  Optional<Client> findByManualAccountTrue();

  /**
   * The client that keeps the payments of platform users who are not CRM clients (V8 creates it).
   */
  default Client manualAccount() {
    return findByManualAccountTrue()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the manual account is missing; migration V8 creates it"));
  }

  /**
   * A keyset page of the clients whose name, email or phone contains the patterns (lower-cased,
   * {@code !} escapes the wildcards), walking the clients by id until the page is full. Used for
   * terms too short for {@link ClientSearchIndex}, which checks its candidates with the same LIKE.
   */
  @Query(
      "select c from Client c where c.id > :after and (lower(c.name) like lower(:text) escape '!'"
          + " or lower(c.email) like lower(:text) escape '!' or c.phone like :phone escape '!')"
          + " order by c.id")
  List<Client> search(
      @Param("text") String text,
      @Param("phone") String phone,
      @Param("after") long after,
      Limit limit);
}
