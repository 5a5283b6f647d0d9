package dev.exportersuite.redis;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.web.BasicAuthUsers;
import dev.exportersuite.core.web.BcryptHash;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * redis_exporter's basic auth for its own port ({@code --basic-auth-username} and {@code --basic-auth-password}
 * since 1.67, {@code --basic-auth-hash-password} since 1.80.2), mapped onto the core's basic auth: one user, every
 * path. A plain password is hashed with bcrypt at start (the core keeps hashes only; a successful check is cached,
 * so a scrape does not pay bcrypt each time). Read from the environment too, flags first. Stricter than
 * redis_exporter, which serves without auth when only one of user and password is given: here that is an error.
 */
final class BasicAuthFlags {

  static final String USER = "--basic-auth-username";
  static final String PASSWORD = "--basic-auth-password";
  static final String HASH = "--basic-auth-hash-password";
  /** Cost of the bcrypt hash made of a plain password: paid once per start and once per new client. */
  private static final int COST = 10;
  /** bcrypt reads at most 72 bytes; a longer password could not be told from its first 72. */
  private static final int MAX_PASSWORD_BYTES = 72;

  @Option(names = USER, paramLabel = "USER",
      description = "Basic auth user for this exporter's port (env REDIS_EXPORTER_BASIC_AUTH_USERNAME).")
  String user;

  @Option(names = PASSWORD, paramLabel = "PASSWORD",
      description = "Its password (env REDIS_EXPORTER_BASIC_AUTH_PASSWORD).")
  String password;

  @Option(names = HASH, paramLabel = "BCRYPT",
      description = "Its password as a bcrypt hash, instead (env REDIS_EXPORTER_BASIC_AUTH_HASH_PASSWORD).")
  String hash;

  /** The one user, or empty when none of the flags is given. */
  Optional<BasicAuthUsers> users(Map<String, String> env) throws ConfigException {
    Optional<String> u = flagOrEnv(user, env, "REDIS_EXPORTER_BASIC_AUTH_USERNAME");
    Optional<String> pw = flagOrEnv(password, env, "REDIS_EXPORTER_BASIC_AUTH_PASSWORD");
    Optional<String> h = flagOrEnv(hash, env, "REDIS_EXPORTER_BASIC_AUTH_HASH_PASSWORD");
    if (u.isEmpty() && pw.isEmpty() && h.isEmpty()) {
      return Optional.empty();
    }
    if (pw.isPresent() && h.isPresent()) {
      throw new ConfigException("command line", 0, PASSWORD, "cannot set both " + PASSWORD + " and " + HASH
          + ": keep one");
    }
    if (u.isEmpty()) {
      throw new ConfigException("command line", 0, USER, "basic auth needs a user: give " + USER
          + " too (redis_exporter would serve without auth here)");
    }
    if (pw.isEmpty() && h.isEmpty()) {
      throw new ConfigException("command line", 0, PASSWORD, "basic auth needs a password: give " + PASSWORD
          + " or " + HASH + " too (redis_exporter would serve without auth here)");
    }
    BcryptHash bcrypt;
    if (h.isPresent()) {
      try {
        bcrypt = BcryptHash.parse(h.get());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("command line", 0, HASH, e.getMessage());
      }
    } else {
      byte[] plain = pw.get().getBytes(StandardCharsets.UTF_8);
      if (plain.length > MAX_PASSWORD_BYTES) {
        throw new ConfigException("command line", 0, PASSWORD, "longer than " + MAX_PASSWORD_BYTES
            + " bytes, more than bcrypt reads; use a shorter one");
      }
      bcrypt = BcryptHash.parse(new String(BCrypt.withDefaults().hash(COST, plain), StandardCharsets.US_ASCII));
    }
    return Optional.of(new BasicAuthUsers(Map.of(u.get(), bcrypt)));
  }

  private static Optional<String> flagOrEnv(String flag, Map<String, String> env, String name) {
    return Optional.ofNullable(EnvFlags.text(flag, env, name)).filter(s -> !s.isEmpty());
  }
}
