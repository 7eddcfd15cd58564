package com.chatcommerce.manualpayments.support;

import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.ServerProvider;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Makes every gRPC server on the test classpath listen on loopback only, the in-memory engine's
 * gateway above all: it has no authentication, and anyone who reached it could publish a decision
 * message and approve any order. Zeebe Process Test 8.8.21's {@code EngineFactory} builds its
 * server with {@code ServerBuilder.forPort(port)}, which binds every interface and takes no
 * address, so the address is chosen here, through gRPC's provider lookup (registered in
 * META-INF/services/io.grpc.ServerProvider, and ranked above Netty's own provider).
 */
public final class LoopbackGrpcServerProvider extends ServerProvider {

  @Override
  protected boolean isAvailable() {
    return true;
  }

  /** Netty's provider has 5. */
  @Override
  protected int priority() {
    return 10;
  }

  @Override
  protected ServerBuilder<?> builderForPort(int port) {
    return NettyServerBuilder.forAddress(loopback(port));
  }

  /**
   * {@code Grpc.newServerBuilderForPort} comes here. gRPC's default refuses every credentials, and
   * the registry then asks the next provider, Netty's, which would bind every interface again.
   */
  @Override
  protected NewServerBuilderResult newServerBuilderForPort(
      int port, ServerCredentials credentials) {
    return NewServerBuilderResult.serverBuilder(
        NettyServerBuilder.forAddress(loopback(port), credentials));
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }
}
