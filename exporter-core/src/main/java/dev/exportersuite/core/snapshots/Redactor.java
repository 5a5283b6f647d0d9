package dev.exportersuite.core.snapshots;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text that leaves the process (logs, {@code /metrics}, the landing page). Drivers
 * quote connection strings in their errors; this is the last line that keeps a password out of them.
 */
public final class Redactor {

  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)[^@\\s]+@");
  /**
   * {@code password=...} and the like; not MySQL's {@code (using password: YES)}, which says whether a password was
   * sent and is how users find one that was not picked up.
   */
  private static final Pattern KEY_VALUE_PASSWORD =
      Pattern.compile("(?i)(password|passwd|pwd)(\\s*[=:]\\s*)(?!(?:YES|NO)\\))[^\\s,;&)]+");

  private final List<Pattern> secrets;

  public Redactor(Collection<String> secrets) {
    List<String> s = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        s.add(secret);
      }
    }
    // Longest first, so a secret that contains another is replaced whole. Only where it stands on its own (no
    // letter or digit right before or after it): a short password such as "x" must not mask part of "exporter".
    s.sort((a, b) -> b.length() - a.length());
    List<Pattern> patterns = new ArrayList<>();
    for (String secret : s) {
      patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(secret) + "(?![\\p{L}\\p{N}])"));
    }
    this.secrets = List.copyOf(patterns);
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Pattern secret : secrets) {
      out = secret.matcher(out).replaceAll("***");
    }
    out = URL_PASSWORD.matcher(out).replaceAll("$1***@");
    return KEY_VALUE_PASSWORD.matcher(out).replaceAll("$1$2***");
  }
}
