package dev.exportersuite.core.config;

/** Regular expressions from metrics files, bounded in size so that a stray megabyte cannot cost minutes of CPU. */
public final class Regexes {

  public static final int MAX_LENGTH = 4096;

  private Regexes() {}

  /** The regex at {@code key}, refused with its line when longer than {@value #MAX_LENGTH} characters. */
  public static String bounded(YamlMapping m, String key) throws ConfigException {
    String regex = m.requiredString(key);
    if (regex.length() > MAX_LENGTH) {
      throw m.error(key, "a regular expression of " + regex.length() + " characters; at most " + MAX_LENGTH);
    }
    return regex;
  }
}
