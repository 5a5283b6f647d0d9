package dev.exportersuite.core.http;

/**
 * Whether names have the classic form the text format writes unquoted: {@code [a-zA-Z_:][a-zA-Z0-9_:]*} for
 * metrics, {@code [a-zA-Z_][a-zA-Z0-9_]*} for labels (the client's {@code PrometheusNaming} rules). It reads each
 * name from one array copy: the client's check calls {@code charAt} per character, which cost 7 % of a mysql
 * scrape's CPU under the image's C1-only JIT. One instance per writer; not for several threads.
 */
final class ClassicNames {

  private final CharScratch scratch = new CharScratch();

  boolean isMetricName(String name) {
    return check(name, true);
  }

  boolean isLabelName(String name) {
    return check(name, false);
  }

  private boolean check(String name, boolean colon) {
    int n = name.length();
    if (n == 0) {
      return false;
    }
    char[] cs = scratch.copy(name);
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':')
          || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
