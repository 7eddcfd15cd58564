package com.chatcommerce.manualpayments.crm;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClientOrderRepository extends JpaRepository<ClientOrder, String> {

  List<ClientOrder> findByClientIdOrderByUpdatedAtDesc(long clientId);
}
