package com.chatcommerce.manualpayments.paymentsystem;

import com.chatcommerce.manualpayments.error.ConflictException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paging.Page;
import java.time.Clock;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PaymentSystemService {

  private final PaymentSystemRepository repository;
  private final Clock clock;

  public PaymentSystemService(PaymentSystemRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  public PaymentSystem create(PaymentSystemDraft draft) {
    return repository.save(new PaymentSystem(ValidPaymentSystem.of(draft, null), clock.instant()));
  }

  /**
   * Changes the payment system for the orders submitted from now on; an open order keeps the terms
   * it was submitted under. A manual payment system with open orders cannot become an integrated
   * one: those orders still wait for a manager's decision.
   *
   * @throws ConflictException the switch to INTEGRATED while orders are open
   */
  @Transactional
  public PaymentSystem update(long id, PaymentSystemDraft draft) {
    ValidPaymentSystem fields = ValidPaymentSystem.of(draft, id);
    PaymentSystem stored = get(id);
    if (stored.isManual() && fields.kind() != PaymentSystemKind.MANUAL) {
      long open = repository.countOpenOrders(id);
      if (open > 0) {
        throw new ConflictException(
            "payment system "
                + id
                + " has "
                + open
                + " open orders waiting for a manager's"
                + " decision; it can become "
                + fields.kind()
                + " once they are decided");
      }
    }
    stored.apply(fields);
    return stored;
  }

  @Transactional(readOnly = true)
  public PaymentSystem get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("payment system", id));
  }

  /** The payment systems in the order they were created, a keyset page at a time. */
  @Transactional(readOnly = true)
  public Page<PaymentSystem> find(int limit, String cursor) {
    Cursors.requireLimit(limit);
    return Page.of(
        repository.findByIdGreaterThanOrderByIdAsc(Cursors.idAfter(cursor), Limit.of(limit + 1)),
        limit,
        paymentSystem -> Cursors.ofId(paymentSystem.id()));
  }
}
