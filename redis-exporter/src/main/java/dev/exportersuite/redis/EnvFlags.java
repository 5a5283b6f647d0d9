package dev.exportersuite.redis;

import java.util.Map;
import java.util.Set;

/**
 * redis_exporter's environment variables as its main() reads them: a flag given on the command line wins; an
 * unset variable leaves the default. Booleans are read as Go's {@code strconv.ParseBool} reads them, and a value
 * it would refuse is ignored (the default stays), as redis_exporter ignores it.
 */
final class EnvFlags {

  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private EnvFlags() {}

  static String text(String flag, Map<String, String> env, String variable) {
    return flag != null ? flag : env.get(variable);
  }

  static Boolean bool(Boolean flag, Map<String, String> env, String variable) {
    if (flag != null) {
      return flag;
    }
    String v = env.get(variable);
    if (v == null) {
      return null;
    }
    return TRUE.contains(v) ? Boolean.TRUE : FALSE.contains(v) ? Boolean.FALSE : null;
  }

  /** A whole number as Go's {@code strconv.ParseInt} reads it; anything else leaves the default. */
  static Long number(Long flag, Map<String, String> env, String variable) {
    if (flag != null) {
      return flag;
    }
    String v = env.get(variable);
    if (v == null || !v.matches("[+-]?[0-9]{1,18}")) {
      return null;
    }
    return Long.parseLong(v);
  }
}
