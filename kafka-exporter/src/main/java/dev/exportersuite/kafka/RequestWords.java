package dev.exportersuite.kafka;

import dev.exportersuite.core.config.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request into words: blanks (newlines too) separate, and {@code '...'} or {@code "..."} groups blanks
 * into a word. Nothing is escaped, so a regex reads as written ({@code topic=^orders\.}).
 */
final class RequestWords {

  /**
   * One word.
   *
   * @param text the word without its quotes
   * @param raw the word as written, quotes included, so that an error can point at its line
   */
  record Word(String text, String raw) {}

  private RequestWords() {}

  static List<Word> split(String request) throws InvalidRequestException {
    List<Word> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int start = -1;
    int i = 0;
    while (i < request.length()) {
      char c = request.charAt(i);
      if (Character.isWhitespace(c)) {
        if (start >= 0) {
          out.add(new Word(text.toString(), request.substring(start, i)));
          text.setLength(0);
          start = -1;
        }
        i++;
        continue;
      }
      if (start < 0) {
        start = i;
      }
      if (c == '\'' || c == '"') {
        int close = request.indexOf(c, i + 1);
        if (close < 0) {
          throw new InvalidRequestException("a quote " + c + " is not closed", request.substring(start));
        }
        text.append(request, i + 1, close);
        i = close + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    if (start >= 0) {
      out.add(new Word(text.toString(), request.substring(start)));
    }
    return out;
  }
}
