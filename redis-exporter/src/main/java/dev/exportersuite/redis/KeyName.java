package dev.exportersuite.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A key as the server holds it: bytes, which need not be UTF-8. Found by SCAN and sent back to TYPE, STRLEN, GET
 * as the same bytes, so a key such as {@code 0xff 0xfe} is measured, not looked up as something else.
 */
final class KeyName {

  private final byte[] bytes;

  private KeyName(byte[] bytes) {
    this.bytes = bytes;
  }

  static KeyName of(byte[] bytes) {
    return new KeyName(bytes.clone());
  }

  /** A key typed as text (a flag, a config file): its UTF-8 bytes. */
  static KeyName of(String text) {
    return new KeyName(text.getBytes(StandardCharsets.UTF_8));
  }

  byte[] bytes() {
    return bytes.clone();
  }

  /** The label text: see {@link KeyText}. */
  String label() {
    return KeyText.of(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyName k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return label();
  }
}
