package dev.exportersuite.core.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code db0..db15}: the values of a {@code fill} key written as a range. */
final class ValueRange {

  /** At most this many values in one range, so a typo cannot make millions of rows. */
  static final int MAX = 4096;

  private static final Pattern RANGE = Pattern.compile("(\\D*)(\\d+)\\.\\.(\\D*)(\\d+)");

  private ValueRange() {}

  /** The values {@code item} stands for: a range's values, or the item itself. */
  static List<String> expand(String item) {
    Matcher m = RANGE.matcher(item);
    if (!m.matches()) {
      return List.of(item);
    }
    String prefix = m.group(1);
    if (!m.group(3).isEmpty() && !m.group(3).equals(prefix)) {
      throw new IllegalArgumentException("fill: a range keeps one prefix, e.g. db0..db15, found '" + item + "'");
    }
    long from = number(m.group(2), item);
    long to = number(m.group(4), item);
    if (to < from || to - from + 1 > MAX) {
      throw new IllegalArgumentException("fill: the range '" + item + "' must go up, with at most " + MAX
          + " values");
    }
    List<String> out = new ArrayList<>((int) (to - from + 1));
    for (long i = from; i <= to; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  private static long number(String digits, String item) {
    // Ten digits or more cannot be within MAX of a start anyone writes; refuse before Long overflows.
    if (digits.replaceFirst("^0+(?=.)", "").length() > 9) {
      throw new IllegalArgumentException("fill: the range '" + item + "' has a bound above 999999999");
    }
    return Long.parseLong(digits);
  }
}
