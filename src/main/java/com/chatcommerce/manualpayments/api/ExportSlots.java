package com.chatcommerce.manualpayments.api;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds how many CSV exports run at once. An export holds a request thread and reads every
 * matching order, a batch at a time, for as long as its caller takes to read the file; without a
 * bound a few slow callers could take every thread and a steady share of the database.
 */
@Component
class ExportSlots {

  private final Semaphore slots;

  ExportSlots(@Value("${manual-payments.export.max-concurrent}") int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalStateException(
          "manual-payments.export.max-concurrent must be at least 1, got " + maxConcurrent);
    }
    this.slots = new Semaphore(maxConcurrent);
  }

  /** Runs {@code export} in a free slot, or refuses at once when every slot is taken. */
  void run(Export export) throws IOException {
    if (!slots.tryAcquire()) {
      throw new Busy();
    }
    try {
      export.run();
    } finally {
      slots.release();
    }
  }

  interface Export {
    void run() throws IOException;
  }

  /** Every slot is taken: the caller should try again shortly. */
  static class Busy extends RuntimeException {
    Busy() {
      super("as many exports as allowed are running; try again shortly");
    }
  }
}
