package dev.exportersuite.core.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A unix socket's path: absolute, of letters, digits and {@code . _ - / @ +}, and short enough for the kernel's
 * {@code sun_path} (108 bytes with its terminating zero).
 */
public record SocketPath(String path) {

  public static final int MAX_BYTES = 107;
  private static final Pattern CHARS = Pattern.compile("/[A-Za-z0-9._/@+-]*");

  public SocketPath {
    if (path == null || path.isEmpty()) {
      throw new InvalidAddressException(null, "the socket path is empty");
    }
    if (path.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidAddressException(null, "the socket path is longer than " + MAX_BYTES + " bytes");
    }
    if (!CHARS.matcher(path).matches()) {
      throw new InvalidAddressException(path, "a socket path is absolute, of letters, digits and . _ - / @ +");
    }
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        throw new InvalidAddressException(path, "'..' is not allowed in a socket path");
      }
    }
  }

  @Override
  public String toString() {
    return path;
  }
}
