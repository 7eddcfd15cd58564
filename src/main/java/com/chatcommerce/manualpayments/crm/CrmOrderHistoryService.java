package com.chatcommerce.manualpayments.crm;

import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the order history on the client's card in the CRM in step with the order. */
@Service
public class CrmOrderHistoryService {

  private final CrmOrderLineRepository lines;
  private final ClientRepository clients;
  private final Clock clock;

  public CrmOrderHistoryService(
      CrmOrderLineRepository lines, ClientRepository clients, Clock clock) {
    this.lines = lines;
    this.clients = clients;
    this.clock = clock;
  }

  @Transactional
  public CrmOrderLine show(
      String orderId,
      long clientId,
      long offerId,
      String status,
      BigDecimal amount,
      String currency) {
    CrmOrderLine line =
        lines.findById(orderId).orElseGet(() -> new CrmOrderLine(orderId, clientId, offerId));
    line.show(status, amount, currency, clock.instant());
    return lines.save(line);
  }

  /**
   * The most recently updated first, a keyset page at a time. A line that changes status moves to
   * the top, so a caller paging through while orders are decided can miss that line or see it
   * twice.
   */
  @Transactional(readOnly = true)
  public Page<CrmOrderLine> ofClient(long clientId, int limit, String cursor) {
    Cursors.requireLimit(limit);
    Cursors.TimeAndId after = Cursors.timeAndId(cursor);
    if (!clients.existsById(clientId)) {
      throw new NotFoundException("client", clientId);
    }
    List<CrmOrderLine> found =
        after == null
            ? lines.findByClientIdOrderByUpdatedAtDescOrderIdDesc(clientId, Limit.of(limit + 1))
            : lines.findAfter(clientId, after.at(), after.id(), Limit.of(limit + 1));
    return Page.of(found, limit, line -> Cursors.ofTimeAndId(line.updatedAt(), line.orderId()));
  }
}
