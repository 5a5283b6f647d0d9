package dev.exportersuite.core.testing;

import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a real server (MariaDB, Redis...). {@link #stop()} closes the listening port
 * and cuts every connection, exactly what clients see when the server goes down; {@link #start()} opens the same
 * port again. This lets down/up tests run against the real shared server without stopping it for other tests.
 */
public final class TcpProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
  private volatile ServerSocket server;

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
    start();
  }

  public int port() {
    return port;
  }

  /** Connections accepted since the proxy started, closed ones included. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** Connections relayed right now (client side), to check that nothing leaks. */
  public int openConnections() {
    return (int) sockets.stream().filter(s -> !s.isClosed()).count() / 2;
  }

  public synchronized void start() throws IOException {
    if (server != null) {
      return;
    }
    ServerSocket s = bindWithin(Duration.ofSeconds(5));
    server = s;
    Thread accept = new Thread(() -> acceptLoop(s), "proxy-accept-" + port);
    accept.setDaemon(true);
    accept.start();
  }

  /**
   * Binds the port again. Right after {@link #stop()} the kernel may still hold the port for connections that are
   * closing, even with SO_REUSEADDR: wait until it is free, within a deadline.
   */
  private ServerSocket bindWithin(Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      try {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
      } catch (java.net.BindException e) {
        s.close();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public synchronized void stop() {
    ServerSocket s = server;
    server = null;
    if (s != null) {
      closeQuietly(s);
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  private void acceptLoop(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        accepted.incrementAndGet();
        Socket upstream = new Socket(targetHost, targetPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // closed by stop(), or the upstream refused: the client's socket is closed either way
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side went away
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        sockets.remove(from);
        sockets.remove(to);
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    stop();
  }
}
