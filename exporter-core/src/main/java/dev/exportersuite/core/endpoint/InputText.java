package dev.exportersuite.core.endpoint;

/**
 * Shows untrusted text (a request parameter, an environment variable) inside a message: bounded in length and
 * with control and non-ASCII characters escaped, so an error can neither flood a log nor forge a line of it.
 */
public final class InputText {

  /** How much of the input a message repeats. */
  public static final int SHOWN = 64;

  private InputText() {}

  /** {@code 'text'}, cut after {@link #SHOWN} characters. */
  public static String quote(String text) {
    if (text == null) {
      return "''";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), SHOWN) + 8).append('\'');
    int n = Math.min(text.length(), SHOWN);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    sb.append('\'');
    if (text.length() > SHOWN) {
      sb.append(" (").append(text.length() - SHOWN).append(" more characters)");
    }
    return sb.toString();
  }

  /** The first character that is not printable ASCII, or -1. */
  static int firstUnprintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return i;
      }
    }
    return -1;
  }
}
