package com.chatcommerce.manualpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.chatcommerce.manualpayments.support.InMemoryEngine;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory engine of the embedded run and the tests has an unauthenticated gateway: whoever
 * reaches it can publish a decision and approve any order. It must not be reachable from the
 * network, only from this machine.
 */
class EmbeddedEngineNetworkTest {

  @Test
  void inMemoryEngineAcceptsConnectionsOnLoopbackOnly() throws SocketException {
    List<InetAddress> networkAddresses =
        NetworkInterface.networkInterfaces()
            .filter(EmbeddedEngineNetworkTest::isUp)
            .flatMap(NetworkInterface::inetAddresses)
            .filter(
                a ->
                    !a.isLoopbackAddress()
                        && !(a instanceof Inet6Address && a.isLinkLocalAddress()))
            .toList();
    assumeFalse(
        networkAddresses.isEmpty(),
        "this machine has no address but loopback to try the engine's port on");

    try (InMemoryEngine engine = InMemoryEngine.start()) {
      assertThat(connects(InetAddress.getLoopbackAddress(), engine.port())).as("loopback").isTrue();
      assertThat(networkAddresses)
          .allSatisfy(a -> assertThat(connects(a, engine.port())).as(a.toString()).isFalse());
    }
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static boolean isUp(NetworkInterface networkInterface) {
    try {
      return networkInterface.isUp();
    } catch (SocketException e) {
      return false;
    }
  }
}
