package com.chatcommerce.manualpayments.crm;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClientRepository extends JpaRepository<Client, Long> {

  List<Client> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);

  /** The manual account, which migration V8 creates. */
  Optional<Client> findByManualAccountTrue();
}
