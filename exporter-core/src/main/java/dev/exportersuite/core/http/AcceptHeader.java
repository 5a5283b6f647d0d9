package dev.exportersuite.core.http;

import java.util.Locale;

/** Reads an HTTP {@code Accept} header for the one question the scrape handler asks of it. */
final class AcceptHeader {

  private AcceptHeader() {}

  /**
   * Whether a media range of {@code accept} takes the Prometheus text format: {@code text/plain}, {@code text/*}
   * or {@code *}{@code /*}, without {@code q=0}. No header at all takes anything. The header's length is bounded by
   * the HTTP server's limits; nothing of it is kept.
   */
  static boolean acceptsText(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if ((type.equals("text/plain") || type.equals("text/*") || type.equals("*/*")) && !refused(parts)) {
        return true;
      }
    }
    return false;
  }

  /** {@code q=0} (or 0.0, 0.000): the client refuses this range. */
  private static boolean refused(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        return p.substring(2).strip().matches("0(\\.0{0,3})?");
      }
    }
    return false;
  }
}
