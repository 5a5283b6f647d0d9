package dev.exportersuite.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads a password from a file (Docker and Kubernetes secrets), dropping the trailing newline editors add. */
public final class SecretSource {

  private SecretSource() {}

  /** Longest secret file read: a password or a DSN is far shorter, and a wrong path may name a huge file. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  public static String readFile(Path file, String what) throws ConfigException {
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException(file.toString(), 0, what, "the file is larger than " + MAX_FILE_BYTES
            + " bytes: is this the password file?");
      }
      String s = Files.readString(file, StandardCharsets.UTF_8);
      return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, what, "cannot read the password file: "
          + e.getClass().getSimpleName());
    }
  }

  /** A config section's {@code password} or {@code password_file} (one of them, not both), if either is set. */
  public static Optional<String> fromSection(YamlMapping section) throws ConfigException {
    Optional<String> password = section.string("password");
    Optional<String> file = section.string("password_file");
    if (password.isPresent() && file.isPresent()) {
      throw section.error("password_file", "give password or password_file, not both");
    }
    if (file.isPresent()) {
      return Optional.of(readFile(Path.of(file.get()), section.child("password_file")));
    }
    return password;
  }

  /**
   * An environment variable holding a secret, or the file named by the same name with {@code _FILE} (Docker and
   * Kubernetes secrets mounted as files), so that the secret need not be in the environment either. Empty values
   * count as unset; both set is an error, since one of them would be ignored silently.
   */
  public static Optional<String> fromEnv(Map<String, String> env, String name) throws ConfigException {
    String value = env.get(name);
    String file = env.get(name + "_FILE");
    boolean hasValue = value != null && !value.isEmpty();
    boolean hasFile = file != null && !file.isEmpty();
    if (hasValue && hasFile) {
      throw new ConfigException("environment", 0, name + "_FILE", "both " + name + " and " + name
          + "_FILE are set: keep one");
    }
    if (hasFile) {
      return Optional.of(readFile(Path.of(file), name + "_FILE"));
    }
    return hasValue ? Optional.of(value) : Optional.empty();
  }

  /** The first value present: a flag, then a file, then an environment variable. */
  public static Optional<String> first(Optional<String> direct, Optional<Path> file, String envName, String what)
      throws ConfigException {
    if (direct.isPresent()) {
      return direct;
    }
    if (file.isPresent()) {
      return Optional.of(readFile(file.get(), what));
    }
    return Optional.ofNullable(envName == null ? null : System.getenv(envName));
  }
}
