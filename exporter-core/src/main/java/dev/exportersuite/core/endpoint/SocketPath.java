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
      throw new IllegalArgumentException("the socket path is empty");
    }
    if (path.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("the socket path is longer than " + MAX_BYTES + " bytes");
    }
    if (!CHARS.matcher(path).matches()) {
      throw new IllegalArgumentException("socket path " + InputText.quote(path) + ": write an absolute path of "
          + "letters, digits and . _ - / @ +");
    }
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        throw new IllegalArgumentException("socket path " + InputText.quote(path) + ": '..' is not allowed");
      }
    }
  }

  @Override
  public String toString() {
    return path;
  }
}
