package dev.exportersuite.core.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Prometheus naming rules as the engine applies them. */
public final class MetricNames {

  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private MetricNames() {}

  /** {@code namespace_context_name}, skipping empty parts, as Go's BuildFQName does. */
  public static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p == null || p.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('_');
      }
      sb.append(p);
    }
    return sb.toString();
  }

  public static boolean isValidMetricName(String name) {
    return METRIC.matcher(name).matches();
  }

  /** A part after the namespace, such as a column: it may start with a digit, since it never starts the name. */
  public static boolean isValidNamePart(String part) {
    return !part.isEmpty() && METRIC.matcher("_" + part).matches();
  }

  public static boolean isValidLabelName(String name) {
    return LABEL.matcher(name).matches() && !name.startsWith("__");
  }

  /**
   * Turns a row value into a name part the way oracledb_exporter does ({@code "User I/O"} -> {@code user_io}),
   * then replaces whatever is still not allowed with {@code _}.
   */
  public static String clean(String value) {
    String s = value.trim().replace(' ', '_').replace("(", "").replace(")", "").replace("/", "").replace("*", "");
    s = s.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
      sb.append(ok ? c : '_');
    }
    return sb.toString();
  }

  /** The name a family is exposed under: counters always end in {@code _total} in the text formats. */
  public static String exposed(String name, MetricType type) {
    return type == MetricType.COUNTER ? counterBase(name) + "_total" : name;
  }

  /** The name a counter family is known by: the text formats add {@code _total} back. */
  public static String counterBase(String name) {
    return name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
  }
}
