package dev.exportersuite.core.snapshots;

/**
 * The longest label value the exporter emits. Prometheus servers with {@code label_value_length_limit} refuse the
 * whole scrape for one longer value, and a statement's text in a label can be megabytes; so a longer value is cut
 * to {@link #MAX_LENGTH} characters, the last of which are {@link #CUT_SUFFIX}, and never fails the scrape. Two
 * values that differ only after the cut become the same label set: that one metric is then reported as a
 * duplicate, as for any two rows with equal labels.
 */
public final class LabelValues {

  public static final int MAX_LENGTH = 1024;
  public static final String CUT_SUFFIX = "...[truncated]";

  private LabelValues() {}

  public static boolean tooLong(String value) {
    return value.length() > MAX_LENGTH;
  }

  /** The value, or its first characters and {@link #CUT_SUFFIX}, {@link #MAX_LENGTH} characters in all. */
  public static String cap(String value) {
    if (!tooLong(value)) {
      return value;
    }
    int keep = MAX_LENGTH - CUT_SUFFIX.length();
    // Never split a surrogate pair: half a character is not valid UTF-8 in the exposition.
    if (Character.isHighSurrogate(value.charAt(keep - 1))) {
      keep--;
    }
    return value.substring(0, keep) + CUT_SUFFIX;
  }
}
