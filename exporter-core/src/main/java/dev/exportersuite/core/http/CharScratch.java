package dev.exportersuite.core.http;

/**
 * An array a string's characters are copied into, reused from string to string. Under the image's C1-only JIT a
 * loop over {@code charAt} makes a call with its own bounds check per character; one {@code getChars} and plain
 * array reads cost a fraction of that. Not for several threads.
 */
final class CharScratch {

  private char[] chars = new char[64];

  /** {@code s}'s characters at the start of the returned array, which is valid until the next call. */
  char[] copy(String s) {
    int n = s.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    s.getChars(0, n, chars, 0);
    return chars;
  }
}
