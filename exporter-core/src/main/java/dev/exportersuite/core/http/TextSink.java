package dev.exportersuite.core.http;

import java.util.Arrays;

/**
 * A growing byte array that the text format is written into: UTF-8, the format's escapes, and numbers as
 * {@code Double.toString} writes them, without the per-character locking of a {@code Writer} chain (the client's
 * writer spent most of a scrape there) and without a string per whole-number value.
 */
final class TextSink {

  /** Whole numbers below this print as {@code 123.0} in {@code Double.toString}; from here on as {@code 1.0E7}. */
  private static final double PLAIN_LIMIT = 1e7;
  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  private byte[] buf;
  private int size;
  private final CharScratch scratch = new CharScratch();

  TextSink(int capacity) {
    buf = new byte[Math.max(capacity, 64)];
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void room(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }

  TextSink ascii(char c) {
    room(1);
    buf[size++] = (byte) c;
    return this;
  }

  /**
   * Text known to be ASCII (names checked as such, keywords): no escaping, no encoding. The old
   * {@code String.getBytes(int, int, byte[], int)} copies a Latin-1 string's bytes in one go, where a loop of
   * {@code charAt} was 5 % of a scrape with the image's C1-only JIT; it drops high bytes, which ASCII has none of.
   */
  @SuppressWarnings("deprecation")
  TextSink ascii(String s) {
    int n = s.length();
    room(n);
    s.getBytes(0, n, buf, size);
    size += n;
    return this;
  }

  TextSink bytes(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  /** A label value: backslash, double quote and line feed escaped, as the text format asks. */
  TextSink labelValue(String s) {
    return escaped(s, true);
  }

  /** A HELP text: backslash and line feed escaped (a double quote stays). */
  TextSink help(String s) {
    return escaped(s, false);
  }

  private TextSink escaped(String s, boolean quote) {
    int n = s.length();
    room(n);
    char[] cs = scratch.copy(s);
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (c >= 0x80) {
        i = utf8(s, i);
      } else if (c == '\\') {
        ascii('\\').ascii('\\');
      } else if (c == '\n') {
        ascii('\\').ascii('n');
      } else if (c == '"' && quote) {
        ascii('\\').ascii('"');
      } else {
        room(1);
        buf[size++] = (byte) c;
      }
    }
    return this;
  }

  /** Encodes the character at {@code i} (and its low surrogate); returns the index of the last one used. */
  private int utf8(String s, int i) {
    char c = s.charAt(i);
    room(4);
    if (c < 0x800) {
      buf[size++] = (byte) (0xc0 | (c >> 6));
      buf[size++] = (byte) (0x80 | (c & 0x3f));
      return i;
    }
    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      buf[size++] = (byte) (0xf0 | (cp >> 18));
      buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      buf[size++] = (byte) (0x80 | (cp & 0x3f));
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      buf[size++] = '?'; // an unpaired surrogate, replaced as Java's UTF-8 encoder replaces it
      return i;
    }
    buf[size++] = (byte) (0xe0 | (c >> 12));
    buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
    buf[size++] = (byte) (0x80 | (c & 0x3f));
    return i;
  }

  TextSink decimal(long v) {
    if (v == Long.MIN_VALUE) {
      return ascii(Long.toString(v));
    }
    room(20);
    if (v < 0) {
      buf[size++] = '-';
      v = -v;
    }
    int start = size;
    do {
      buf[size++] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v > 0);
    for (int a = start, b = size - 1; a < b; a++, b--) {
      byte t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
    return this;
  }

  /** A sample value as the client's writer prints it: {@code Double.toString}, with {@code +Inf} and {@code -Inf}. */
  TextSink number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < PLAIN_LIMIT && Double.doubleToRawLongBits(d) != NEGATIVE_ZERO) {
      return decimal((long) d).ascii('.').ascii('0'); // most values are counts: no string for them
    }
    if (d == Double.POSITIVE_INFINITY) {
      return ascii("+Inf");
    }
    if (d == Double.NEGATIVE_INFINITY) {
      return ascii("-Inf");
    }
    return ascii(Double.toString(d));
  }
}
