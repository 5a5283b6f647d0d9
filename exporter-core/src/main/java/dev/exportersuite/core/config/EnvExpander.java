package dev.exportersuite.core.config;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-fallback}} in config values; {@code $$} stands for a literal
 * {@code $}. An unset variable without a fallback is an error, not an empty string: an empty password is
 * worse to debug than a message.
 */
public final class EnvExpander implements UnaryOperator<String> {

  private static final Pattern REF = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> env;

  public EnvExpander(Map<String, String> env) {
    this.env = env;
  }

  public static EnvExpander system() {
    return new EnvExpander(System.getenv());
  }

  @Override
  public String apply(String text) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    Matcher m = REF.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else {
        String value = env.get(m.group(1));
        if (value == null || (value.isEmpty() && m.group(2) != null)) {
          if (m.group(2) == null) {
            throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set (write ${"
                + m.group(1) + ":-default} to give a fallback)");
          }
          value = m.group(2);
        }
        replacement = value;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
