package dev.exportersuite.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a password from a file (Docker and Kubernetes secrets), dropping the trailing newline editors add. */
public final class SecretSource {

  private SecretSource() {}

  public static String readFile(Path file, String what) throws ConfigException {
    try {
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
