package dev.exportersuite.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** What the fuzz tests of the address and request parsers assert about text in and messages out. */
public final class FuzzText {

  /** The longest refusal a parser may give: one line a person reads, not a copy of a hostile input. */
  public static final int MAX_MESSAGE = 200;

  /**
   * Put where a password would be: a fuzz test replaces {@code PW} in its input with it (the seeds and the
   * dictionary hold {@code PW}), and no refusal may ever show it.
   */
  public static final String PASSWORD_MARK = "~pw~";

  private FuzzText() {}

  /** The fuzzer's bytes as text; malformed UTF-8 becomes U+FFFD, as in any decoder that does not fail. */
  public static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** {@link #utf8} with every {@code PW} replaced by {@link #PASSWORD_MARK}. */
  public static String withPasswords(byte[] bytes) {
    return utf8(bytes).replace("PW", PASSWORD_MARK);
  }

  public static void assertRefusalIsOneBoundedLine(String message) {
    assertThat(message).isNotBlank().hasSizeLessThanOrEqualTo(MAX_MESSAGE).doesNotContain("\n").doesNotContain("\r");
  }

  public static void assertRefusalHidesPasswords(String message) {
    assertRefusalIsOneBoundedLine(message);
    assertThat(message).doesNotContain(PASSWORD_MARK);
  }
}
