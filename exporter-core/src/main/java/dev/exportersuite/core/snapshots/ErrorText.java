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

  /** The text on one line, control characters escaped, cut after {@link #MAX} characters with the cut said. */
  public static String bound(String text) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX) + 40);
    int i = 0;
    for (; i < text.length() && sb.length() < MAX; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        sb.append(' ');
      } else if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
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
