package dev.exportersuite.mysql;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.protocol.ServerSession;
import com.mysql.cj.protocol.SocketConnection;
import com.mysql.cj.protocol.SocketFactory;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * Lets Connector/J reach the server over a unix socket ({@code socket=} in {@code .my.cnf}), with the JDK's own
 * unix-domain channels, so no native library is needed. The path travels in the driver's {@code namedPipePath}
 * property (its named-pipe factory's, reused: the driver has no unix socket property of its own). No TLS: the
 * socket never leaves the host.
 */
public final class UnixSocketFactory implements SocketFactory {

  /** Driver properties that route a connection through this factory to {@code path}. */
  static java.util.Map<String, String> properties(String path) {
    return java.util.Map.of("socketFactory", UnixSocketFactory.class.getName(),
        PropertyKey.PATH.getKeyName(), path, "sslMode", "DISABLED");
  }

  private Socket socket;

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Closeable> T connect(String host, int port, PropertySet props, int loginTimeout)
      throws IOException {
    String path = props.getStringProperty(PropertyKey.PATH).getValue();
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(path));
    } catch (IOException e) {
      channel.close();
      throw new IOException("cannot connect to the unix socket " + path + ": " + e.getMessage(), e);
    }
    socket = new UnixSocket(channel);
    return (T) socket;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Closeable> T performTlsHandshake(SocketConnection connection, ServerSession session) {
    return (T) socket;
  }

  /** A {@link Socket} face on a unix channel: the driver only reads, writes, closes and sets TCP options. */
  static final class UnixSocket extends Socket {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    UnixSocket(SocketChannel channel) {
      this.channel = channel;
      this.in = Channels.newInputStream(channel);
      this.out = Channels.newOutputStream(channel);
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public boolean isConnected() {
      return channel.isConnected();
    }

    @Override
    public boolean isClosed() {
      return !channel.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
      channel.close();
    }

    @Override
    public void shutdownInput() throws IOException {
      channel.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }

    // TCP options mean nothing on a unix socket; the driver sets them anyway.
    @Override
    public void setTcpNoDelay(boolean on) {}

    @Override
    public void setKeepAlive(boolean on) {}

    @Override
    public synchronized void setSoTimeout(int timeout) {}

    @Override
    public synchronized int getSoTimeout() {
      return 0;
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) {}

    @Override
    public synchronized void setSendBufferSize(int size) {}

    @Override
    public void setTrafficClass(int tc) {}

    @Override
    public void setSoLinger(boolean on, int linger) {}
  }
}
