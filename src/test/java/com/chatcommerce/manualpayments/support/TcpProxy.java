package com.chatcommerce.manualpayments.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP proxy that a test can cut: while cut, every open connection is closed and new ones
 * are refused at once, as when the network to the database goes away. The database server itself,
 * which other tests share, is never touched. It can also hold back what the server answers while
 * everything the client sends still reaches the server, as when a server takes a request in and its
 * answer comes too late.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tcp-proxy");
            t.setDaemon(true);
            return t;
          });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private boolean holdingAnswers;

  public TcpProxy(String host, int port) throws IOException {
    this.target = new InetSocketAddress(host, port);
    this.server = new ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  public void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  /** From now on, the server's answers wait in the proxy; requests still go through. */
  public synchronized void holdAnswers() {
    holdingAnswers = true;
  }

  /** Sends on every answer held back, and lets later ones through. */
  public synchronized void releaseAnswers() {
    holdingAnswers = false;
    notifyAll();
  }

  private synchronized void awaitAnswersReleased() throws InterruptedException {
    while (holdingAnswers) {
      wait();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket();
        upstream.connect(target, 2_000);
        open.add(client);
        open.add(upstream);
        threads.execute(() -> pipe(client, upstream, false));
        threads.execute(() -> pipe(upstream, client, true));
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private void pipe(Socket from, Socket to, boolean answers) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (answers) {
          awaitAnswersReleased();
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException ignored) {
      // The other side or a cut closed the connection; closing both ends below is all there is to
      // do.
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    releaseAnswers();
    cut();
    server.close();
    threads.shutdownNow();
  }
}
