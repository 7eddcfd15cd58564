package com.chatcommerce.manualpayments.support;

/**
 * One in-memory engine for every Spring test in the JVM, as the Spring context itself is shared.
 */
public final class SharedEngine {

  private static InMemoryEngine engine;

  private SharedEngine() {}

  public static synchronized InMemoryEngine get() {
    if (engine == null) {
      engine = InMemoryEngine.start();
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
    }
    return engine;
  }
}
