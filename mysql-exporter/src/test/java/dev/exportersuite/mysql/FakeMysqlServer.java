package dev.exportersuite.mysql;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a hostile MySQL server (no real server can be made to do this): it greets with a MySQL 5.7
 * handshake, accepts any login, and answers the client's first query with a LOCAL INFILE request for a file of
 * its choosing, the way a rogue server steals files from clients that allow local infile. It records every
 * byte the client sends after that request.
 */
final class FakeMysqlServer implements AutoCloseable {

  private static final int CAPABILITIES = 0x0001 | 0x0002 | 0x0004 | 0x0008 | 0x0080 // ... LOCAL_FILES
      | 0x0200 | 0x2000 | 0x8000 | 0x10000 | 0x20000 | 0x80000; // PROTOCOL_41 ... PLUGIN_AUTH

  private final ServerSocket server;
  private final String requestedFile;
  private final AtomicInteger connections = new AtomicInteger();
  private final ByteArrayOutputStream afterRequest = new ByteArrayOutputStream();

  FakeMysqlServer(String requestedFile) throws IOException {
    this.requestedFile = requestedFile;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "fake-mysql");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** What clients sent in answer to the LOCAL INFILE request. */
  synchronized String receivedAfterInfileRequest() {
    return afterRequest.toString(StandardCharsets.ISO_8859_1);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "fake-mysql-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      write(out, 0, greeting());
      read(in); // the client's login: any is fine
      write(out, 2, new byte[] {0, 0, 0, 2, 0, 0, 0}); // OK
      read(in); // the first query, whatever it is
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      req.write(0xFB);
      req.writeBytes(requestedFile.getBytes(StandardCharsets.UTF_8));
      write(out, 1, req.toByteArray());
      // A client that allows local infile sends the file in packets, then an empty one.
      while (true) {
        byte[] packet = read(in);
        synchronized (this) {
          afterRequest.writeBytes(packet);
        }
        if (packet.length == 0) {
          break;
        }
      }
    } catch (IOException e) {
      // the client gave up or refused: what it sent is recorded
    }
  }

  private static byte[] greeting() {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(10);
    p.writeBytes("5.7.44-fake\0".getBytes(StandardCharsets.US_ASCII));
    p.writeBytes(new byte[] {1, 0, 0, 0});
    p.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
    p.write(0);
    p.write(CAPABILITIES & 0xff);
    p.write((CAPABILITIES >> 8) & 0xff);
    p.write(33); // utf8_general_ci
    p.writeBytes(new byte[] {2, 0}); // autocommit
    p.write((CAPABILITIES >> 16) & 0xff);
    p.write((CAPABILITIES >> 24) & 0xff);
    p.write(21);
    p.writeBytes(new byte[10]);
    p.writeBytes("ijklmnopqrst\0".getBytes(StandardCharsets.US_ASCII));
    p.writeBytes("mysql_native_password\0".getBytes(StandardCharsets.US_ASCII));
    return p.toByteArray();
  }

  private static void write(OutputStream out, int sequence, byte[] payload) throws IOException {
    out.write(new byte[] {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16),
        (byte) sequence});
    out.write(payload);
    out.flush();
  }

  private static byte[] read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    byte[] header = new byte[4];
    d.readFully(header);
    int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
    byte[] payload = new byte[length];
    d.readFully(payload);
    return payload;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
