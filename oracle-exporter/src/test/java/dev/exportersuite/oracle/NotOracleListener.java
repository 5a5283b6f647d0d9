package dev.exportersuite.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the wrong thing at the DSN's port (no Oracle server can run here): a TCP listener on loopback
 * that is not an Oracle listener. It answers the driver's connect packet with junk, closes at once, or accepts
 * and says nothing.
 */
final class NotOracleListener implements AutoCloseable {

  enum Mode {
    /** Reads the connect packet, answers with an HTTP response (someone else's service on that port). */
    JUNK,
    /** Accepts and closes (a proxy with no backend). */
    CLOSE,
    /** Accepts and never answers (a black hole behind a firewall that accepts). */
    SILENT
  }

  private final ServerSocket server;
  private final Mode mode;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  NotOracleListener(Mode mode) throws IOException {
    this.mode = mode;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "not-oracle-" + mode);
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        accepted.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "not-oracle-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try {
      switch (mode) {
        case CLOSE -> s.close();
        case SILENT -> open.add(s);
        case JUNK -> {
          s.setSoTimeout(5000);
          InputStream in = s.getInputStream();
          in.read(new byte[4096]);
          OutputStream out = s.getOutputStream();
          out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          s.close();
        }
      }
    } catch (IOException e) {
      // the client went away first
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
