package dev.exportersuite.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request into words as redis-cli does: blanks separate, {@code "..."} (with backslash escapes) and
 * {@code '...'} quote. An unquoted {@code |} on its own is kept apart as {@link #PIPE}, so that an old-style row step is refused with a hint.
 */
final class Tokens {

  /** Stands for an unquoted {@code |}; a quoted "|" is an ordinary argument. */
  static final String PIPE = "\u0000|";

  private Tokens() {}

  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '"' || c == '\'') {
        int end = quoted(text, i, word);
        inWord = true;
        i = end;
      } else if (c == '|' && !inWord && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        out.add(PIPE);
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  /** Appends the quoted text starting at {@code start} to {@code word}; returns the index after the closing quote. */
  private static int quoted(String text, int start, StringBuilder word) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (c == '\\' && quote == '"' && i + 1 < text.length()) {
        char n = text.charAt(i + 1);
        word.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
        i += 2;
        continue;
      }
      word.append(c);
      i++;
    }
    throw new IllegalArgumentException("a quote " + quote + " is not closed");
  }
}
