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
  private static final Pattern KEY_VALUE_PASSWORD =
      Pattern.compile("(?i)(password|passwd|pwd)(\\s*[=:]\\s*)[^\\s,;&)]+");

  private final List<String> secrets;

  public Redactor(Collection<String> secrets) {
    List<String> s = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        s.add(secret);
      }
    }
    // Longest first, so a secret that contains another is replaced whole.
    s.sort((a, b) -> b.length() - a.length());
    this.secrets = List.copyOf(s);
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    out = URL_PASSWORD.matcher(out).replaceAll("$1***@");
    return KEY_VALUE_PASSWORD.matcher(out).replaceAll("$1$2***");
  }
}
