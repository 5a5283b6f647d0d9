package dev.exportersuite.redis;

/**
 * Bounds a server's error text before it reaches a label, a log line or the landing page. A script's
 * {@code redis.error_reply(...)} or a module's message can be megabytes and can quote values: only the first
 * {@value #MAX} characters are kept, control characters written as escapes, and a cut is marked.
 */
final class ServerErrors {

  /** Enough for every message Redis itself writes (the longest, BUSY's, is about 90 characters). */
  static final int MAX = 200;

  private ServerErrors() {}

  static String bounded(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX) + 32);
    int i = 0;
    for (; i < message.length() && out.length() < MAX; i++) {
      char ch = message.charAt(i);
      if (ch == '\n') {
        out.append("\\n");
      } else if (ch == '\r') {
        out.append("\\r");
      } else if (ch == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
        out.append(String.format("\\u%04x", (int) ch));
      } else if (Character.isHighSurrogate(ch) && i + 1 < message.length()) {
        out.append(ch).append(message.charAt(++i));
      } else {
        out.append(ch);
      }
    }
    if (i < message.length()) {
      out.append(" ...(cut, ").append(message.length()).append(" characters in all)");
    }
    return out.toString();
  }
}
