package dev.exportersuite.core.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bcrypt hash as htpasswd -B and Go's bcrypt write it: {@code $2y$10$} then 53 characters of salt and hash.
 * Never printed: {@link #toString()} gives the cost only.
 */
public final class BcryptHash {

  private static final Pattern FORMAT = Pattern.compile("\\$2[abxy]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

  private final byte[] text;
  private final int cost;

  private BcryptHash(byte[] text, int cost) {
    this.text = text;
    this.cost = cost;
  }

  /**
   * @throws IllegalArgumentException with a message that does not repeat the value
   */
  public static BcryptHash parse(String value) {
    Matcher m = FORMAT.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a bcrypt hash: expected $2y$ (or $2a$, $2b$), a two-digit cost, $ "
          + "and 53 characters, as 'htpasswd -nBC 10 \"\" | tr -d :' prints");
    }
    int cost = Integer.parseInt(m.group(1));
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException("bcrypt cost " + cost + " is outside " + BCrypt.MIN_COST + ".."
          + BCrypt.MAX_COST);
    }
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    try {
      BCrypt.Version.VERSION_2A.parser.parse(bytes);
    } catch (IllegalBCryptFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a valid bcrypt hash (its salt or hash part does not decode)");
    }
    return new BcryptHash(bytes, cost);
  }

  public int cost() {
    return cost;
  }

  /** bcrypt over at most 72 bytes of password; a longer one never matches, as in Go's bcrypt. */
  boolean matches(byte[] password) {
    if (password.length > 72) {
      return false;
    }
    return BCrypt.verifyer().verify(password, text).verified;
  }

  /** The text, for a cache key; never for a message. */
  byte[] bytes() {
    return text.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BcryptHash h && Arrays.equals(h.text, text);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(text);
  }

  @Override
  public String toString() {
    return "bcrypt hash (cost " + cost + ")";
  }
}
