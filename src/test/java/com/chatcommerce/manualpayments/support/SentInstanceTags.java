package com.chatcommerce.manualpayments.support;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the tags of every process instance the application asks the engine to create, as they go
 * over the wire. The in-memory engine's gateway drops tags, so its records cannot show them; a
 * cluster's gateway keeps them.
 */
public final class SentInstanceTags implements ClientInterceptor {

  private final List<List<String>> sent = new CopyOnWriteArrayList<>();

  public List<List<String>> sent() {
    return sent;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    if (!method
        .getFullMethodName()
        .equals(GatewayGrpc.getCreateProcessInstanceMethod().getFullMethodName())) {
      return call;
    }
    return new SimpleForwardingClientCall<>(call) {
      @Override
      public void sendMessage(Q message) {
        sent.add(List.copyOf(((CreateProcessInstanceRequest) message).getTagsList()));
        super.sendMessage(message);
      }
    };
  }
}
