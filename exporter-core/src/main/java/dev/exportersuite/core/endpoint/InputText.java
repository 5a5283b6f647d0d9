package dev.exportersuite.core.endpoint;

/**
 * Shows untrusted text (a request parameter, an environment variable) inside a message: bounded in length and
 * with control and non-ASCII characters escaped, so an error can neither flood a log nor forge a line of it.
 */
public final class InputText {

  /** How many characters of quoted input a message holds at most (escapes included). */
  public static final int SHOWN = 64;

  private InputText() {}

  /**
   * {@code 'text'}, cut so that the quoted part is at most {@link #SHOWN} characters: an escape counts with its
   * six, so a text of control or non-ASCII characters cannot make the message six times longer.
   */
  public static String quote(String text) {
    if (text == null) {
      return "''";
    }
    StringBuilder sb = new StringBuilder(SHOWN + 32).append('\'');
    int shown = 0;
    for (; shown < text.length(); shown++) {
      char c = text.charAt(shown);
      String piece = c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
      if (sb.length() - 1 + piece.length() > SHOWN) {
        break;
      }
      sb.append(piece);
    }
    sb.append('\'');
    if (shown < text.length()) {
      sb.append(" (").append(text.length() - shown).append(" more characters)");
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
