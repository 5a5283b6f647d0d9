package dev.exportersuite.oracle;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The administrative privileges a session can log on with (ojdbc's {@code internal_logon}). */
enum AdminRole {
  SYSDBA, SYSOPER, SYSASM, SYSBACKUP, SYSDG, SYSKM, SYSRAC;

  static final String ACCEPTED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  /** @throws IllegalArgumentException naming the accepted roles, not repeating the input beyond a word */
  static AdminRole parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    for (AdminRole r : values()) {
      if (r.name().equals(t)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown administrative privilege; accepted: " + ACCEPTED);
  }

  /** The value of ojdbc's {@code internal_logon} property. */
  String internalLogon() {
    return name().toLowerCase(Locale.ROOT);
  }
}
