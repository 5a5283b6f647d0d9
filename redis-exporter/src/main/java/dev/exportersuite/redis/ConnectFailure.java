package dev.exportersuite.redis;

import io.lettuce.core.RedisCommandExecutionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * One short line for a failed connect, as redis_exporter's {@code err} label reads ({@code connection refused}),
 * instead of the client's chain of exceptions: the address (password masked) and the root cause in a few words,
 * or the server's own answer when it refused the login.
 */
final class ConnectFailure {

  private static final int MAX = 200;

  private ConnectFailure() {}

  static String describe(String display, Throwable failure) {
    return "cannot connect to " + display + ": " + reason(failure);
  }

  static String reason(Throwable failure) {
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RedisCommandExecutionException) {
        // The server answered the handshake (WRONGPASS, NOAUTH, NOPERM): its words say it best.
        return firstLine(t.getMessage());
      }
      if (t instanceof SSLException) {
        return "TLS handshake failed: " + firstLine(t.getMessage());
      }
      root = t;
    }
    String message = root.getMessage() == null ? "" : root.getMessage().toLowerCase(Locale.ROOT);
    if (root instanceof ConnectException && message.contains("refused")) {
      return "connection refused";
    }
    if (root instanceof UnknownHostException) {
      return "no such host";
    }
    if (root instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (root instanceof SocketTimeoutException || root.getClass().getSimpleName().contains("Timeout")) {
      return "i/o timeout";
    }
    if (message.contains("connection refused")) {
      return "connection refused";
    }
    if (message.contains("connection reset")) {
      return "connection reset by peer";
    }
    return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }

  private static String firstLine(String text) {
    String line = text == null ? "" : text.lines().findFirst().orElse("").strip();
    return line.length() > MAX ? line.substring(0, MAX) + "..." : line;
  }
}
