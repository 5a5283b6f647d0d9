package dev.exportersuite.redis;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of Redis bytes that need not be UTF-8 (keys, values, group names), for labels: valid UTF-8 as it is, each
 * byte that is not part of valid UTF-8 as {@code \xNN} (Go's quoting of such a byte). Prometheus label values must
 * be UTF-8; redis_exporter writes the raw bytes and its client library drops such a series without a word, and a
 * replacement character would make distinct keys one label. The form is unambiguous unless a key itself holds
 * the text {@code \xNN}.
 */
final class KeyText {

  private KeyText() {}

  static String of(byte[] bytes) {
    return of(ByteBuffer.wrap(bytes));
  }

  static String of(ByteBuffer bytes) {
    // The usual case, valid UTF-8, costs one decoding: a replacement character in the result means the bytes were
    // not (or held one themselves, which the careful path below gives back the same). new String is the JDK's
    // fast path (ASCII copied as it is); Charset.decode went through a CharBuffer and cost 4 % of a scrape.
    String quick = quick(bytes);
    if (quick.indexOf('\uFFFD') < 0) {
      return quick;
    }
    ByteBuffer in = bytes.duplicate();
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    // UTF-8 never gives more chars than bytes.
    CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
    StringBuilder text = null;
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      if (r.isError()) {
        if (text == null) {
          text = new StringBuilder(in.limit() * 2);
        }
        out.flip();
        text.append(out);
        out.clear();
        for (int i = 0; i < r.length(); i++) {
          text.append(String.format("\\x%02x", in.get() & 0xff));
        }
      } else {
        throw new IllegalStateException("UTF-8 decoding overflowed: " + r);
      }
    }
    out.flip();
    return text == null ? out.toString() : text.append(out).toString();
  }

  /** The bytes as UTF-8, a replacement character for each malformed sequence; {@code bytes} is not moved. */
  private static String quick(ByteBuffer bytes) {
    if (bytes.hasArray()) {
      return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
          StandardCharsets.UTF_8);
    }
    // An absolute get: no duplicate buffer (lettuce hands every bulk string over in a direct buffer).
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(bytes.position(), copy);
    return new String(copy, StandardCharsets.UTF_8);
  }
}
