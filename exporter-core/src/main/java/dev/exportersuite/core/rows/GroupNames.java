package dev.exportersuite.core.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named groups of a pattern, read from its text: Java 17 has no API for them. A false find (the text
 * {@code (?<x>} inside a character class) is possible; {@link Match} skips a name the matcher does not know.
 */
final class GroupNames {

  /** Java's rule for group names: a letter, then letters and digits. */
  private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  private GroupNames() {}

  static List<String> of(Pattern pattern) {
    if ((pattern.flags() & Pattern.LITERAL) != 0) {
      return List.of();
    }
    String text = pattern.pattern();
    List<String> out = new ArrayList<>();
    Matcher g = GROUP.matcher(text);
    while (g.find()) {
      if (!escaped(text, g.start()) && !out.contains(g.group(1))) {
        out.add(g.group(1));
      }
    }
    return out;
  }

  /** An odd number of backslashes before {@code at} makes that "(" a literal. */
  private static boolean escaped(String text, int at) {
    int slashes = 0;
    for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      slashes++;
    }
    return slashes % 2 == 1;
  }
}
