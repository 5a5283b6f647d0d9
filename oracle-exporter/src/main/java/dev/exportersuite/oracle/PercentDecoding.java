package dev.exportersuite.oracle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The DSN's rule for {@code %}: a part is percent-decoded only when every {@code %} in it starts a valid escape
 * ({@code %} and two hex digits) and the decoded bytes are valid UTF-8. Otherwise the part is taken as written, so
 * that a raw password such as {@code 50%off} works. {@code +} is always a literal plus, as in Go's userinfo.
 */
final class PercentDecoding {

  private PercentDecoding() {}

  /** The decoded text, or {@code text} itself when it is not entirely valid percent-encoding. */
  static String decodeIfEncoded(String text) {
    return tryDecode(text).orElse(text);
  }

  static Optional<String> tryDecode(String text) {
    if (text.indexOf('%') < 0) {
      return Optional.of(text);
    }
    ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
          return Optional.empty();
        }
        bytes.put((byte) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2))));
        i += 3;
      } else {
        bytes.put(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    bytes.flip();
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Query-string decoding of an option: {@code +} is a space, as Go's url.ParseQuery reads it. */
  static String decodeOption(String text) {
    return decodeIfEncoded(text.replace('+', ' '));
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
