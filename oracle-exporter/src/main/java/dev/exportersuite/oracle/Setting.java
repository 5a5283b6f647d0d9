package dev.exportersuite.oracle;

import java.util.Map;
import java.util.Optional;

/**
 * One setting as oracledb_exporter reads it: the flag when given, else its environment variable (kingpin's
 * {@code .Envar()}: the variable only sets the flag's default).
 *
 * @param value the text, if the flag or the variable gave one
 * @param source what gave it ({@code --query.timeout} or {@code QUERY_TIMEOUT}), for messages
 */
record Setting(Optional<String> value, String source) {

  static Setting of(String flagValue, String flag, Map<String, String> env, String envName) {
    if (flagValue != null) {
      return new Setting(Optional.of(flagValue), flag);
    }
    String fromEnv = envName == null ? null : env.get(envName);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return new Setting(Optional.of(fromEnv), envName);
    }
    return new Setting(Optional.empty(), flag);
  }
}
