package dev.exportersuite.kafka;

import dev.exportersuite.core.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A STAND-IN for a broker's TLS listener, which Kafka's test kit cannot start (it runs PLAINTEXT and
 * SASL_PLAINTEXT only): TLS with a certificate of the test's CA, optionally requiring a client certificate of it,
 * in front of the kit broker's plaintext port, which advertises this front's port so that every connection of a
 * client comes through here. The Kafka protocol inside is the real broker's.
 */
final class TlsFront implements AutoCloseable {

  private final SSLServerSocket server;
  private volatile int target;
  private final AtomicInteger handshakes = new AtomicInteger();

  /** Listens on a free port at once, so that the broker can advertise it; relays once {@link #target} is set. */
  TlsFront(TestPki pki, TestPki.Issued certificate, boolean clientAuth) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("broker", certificate.key(), new char[0], new Certificate[] {certificate.certificate(),
        pki.ca()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", pki.ca());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    this.server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
        InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(clientAuth);
    Thread accept = new Thread(this::accept, "tls-front");
    accept.setDaemon(true);
    accept.start();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> relay(client), "tls-front-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    if (target == 0) {
      try {
        client.close();
      } catch (IOException ignored) {
        // not ready yet: the client retries
      }
      return;
    }
    try (client; Socket broker = new Socket(InetAddress.getLoopbackAddress(), target)) {
      ((javax.net.ssl.SSLSocket) client).startHandshake();
      handshakes.incrementAndGet();
      Thread up = new Thread(() -> pump(client, broker), "tls-front-up");
      up.setDaemon(true);
      up.start();
      pump(broker, client);
      up.join();
    } catch (IOException | InterruptedException e) {
      // a refused handshake or a closed side ends this connection only
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side closed
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /** The broker's plaintext port, known once it has started. */
  void target(int port) {
    this.target = port;
  }

  /** TLS handshakes that succeeded. */
  int handshakes() {
    return handshakes.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
