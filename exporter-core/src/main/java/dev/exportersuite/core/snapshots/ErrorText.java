package dev.exportersuite.core.snapshots;

/**
 * Bounds an error's text before it reaches the log, a label or the landing page. Servers quote what they were given
 * (a value that failed a conversion, a script's error reply), which can be megabytes and is the monitored data
 * itself; Prometheus with {@code label_value_length_limit} would reject the whole scrape for one long label.
 */
public final class ErrorText {

  /** Characters kept; a driver's message with its cause fits, a document does not. */
  public static final int MAX = 300;

  private ErrorText() {}

  /** {@link #bound(String, int)} with {@link #MAX}. */
  public static String bound(String text) {
    return bound(text, MAX);
  }

  /**
   * The text on one line (line breaks and tabs become blanks; other control characters and the Unicode line and
   * paragraph separators become {@code \\u} and four hex digits), cut after about {@code max} characters with the
   * cut and the whole length said. A surrogate pair is kept whole; null is the empty text.
   */
  public static String bound(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 40);
    int i = 0;
    for (; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        sb.append(' ');
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        sb.append(String.format("\\u%04x", (int) c));
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        sb.append(c).append(text.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    if (i < text.length()) {
      sb.append("... (cut: ").append(text.length()).append(" characters)");
    }
    return sb.toString();
  }
}
