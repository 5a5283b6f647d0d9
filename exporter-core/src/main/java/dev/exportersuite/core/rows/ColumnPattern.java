package dev.exportersuite.core.rows;

import dev.exportersuite.core.config.Regexes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column's pattern of a {@code match:} step, read once when the file is loaded so that a scrape does not run
 * the regex engine where a string comparison gives the same answer: INFO ALL is about 250 rows, and a dozen
 * entries each match all of them every scrape.
 *
 * <p>A pattern of plain characters only ({@code server}, {@code slave}) is compared with {@code equals}. Otherwise
 * the plain characters it starts with ({@code cmdstat_} of {@code cmdstat_(?<cmd>.+)}) must start the text before
 * the regex runs. Both hold only for a pattern without flags and without {@code |} anywhere (an alternation at the
 * top level would make the leading characters optional). A pattern that is only plain alternatives
 * ({@code server|memory|replication}) is looked up in a set.
 *
 * @param column the column the pattern reads (lower-case)
 * @param pattern the pattern as the file gave it
 * @param literal the whole pattern when it is plain text, else null
 * @param prefix plain characters every full match starts with ("" when none are known)
 * @param groups the pattern's named groups, each filling the column of its lower-case name
 * @param choices the alternatives when the pattern is only plain alternatives, else null
 */
record ColumnPattern(String column, Pattern pattern, String literal, String prefix, List<String> groups,
    Set<String> choices) {

  static ColumnPattern of(String column, Pattern pattern) {
    String text = pattern.pattern();
    if (pattern.flags() == Pattern.LITERAL) {
      return new ColumnPattern(column, pattern, text, text, List.of(), null);
    }
    if (pattern.flags() == 0 && text.indexOf('|') >= 0 && plain(text.replace("|", ""))) {
      return new ColumnPattern(column, pattern, null, "", List.of(),
          Set.copyOf(Arrays.asList(text.split("\\|", -1))));
    }
    if (pattern.flags() != 0 || text.indexOf('|') >= 0) {
      return new ColumnPattern(column, pattern, null, "", GroupNames.of(pattern), null);
    }
    int plain = 0;
    while (plain < text.length() && plainChar(text.charAt(plain))) {
      plain++;
    }
    if (plain == text.length()) {
      return new ColumnPattern(column, pattern, text, text, List.of(), null);
    }
    // "ab?" or "ab{2}": the last plain character is quantified, so it is not certain to be there.
    if (plain > 0 && "?*+{".indexOf(text.charAt(plain)) >= 0) {
      plain--;
    }
    return new ColumnPattern(column, pattern, null, text.substring(0, plain), GroupNames.of(pattern), null);
  }

  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!plainChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Characters that stand for themselves in a Java regex outside a class, with no flags. */
  private static boolean plainChar(char c) {
    return Character.isLetterOrDigit(c) || "_-:=,@/% ".indexOf(c) >= 0;
  }

  /**
   * Whether {@code text} fully matches; the matcher holding the groups when it does and the pattern has any, else
   * null (a match without groups to read is true with a null matcher: see {@link #matched}).
   */
  Matcher match(String text) {
    if (literal != null) {
      return literal.equals(text) ? MATCHED : null;
    }
    if (choices != null) {
      return choices.contains(text) ? MATCHED : null;
    }
    if (!text.startsWith(prefix)) {
      return null;
    }
    Matcher m = Regexes.matcher(pattern, text);
    return m.matches() ? m : null;
  }

  /** What {@link #match} answers for a match of a plain-text pattern: there are no groups to read. */
  static final Matcher MATCHED = Pattern.compile("").matcher("");
}
