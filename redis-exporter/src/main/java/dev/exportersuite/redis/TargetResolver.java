package dev.exportersuite.redis;

import dev.exportersuite.core.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the connection for an address the way redis_exporter does: the exporter's own target and every
 * {@code /scrape?target=} share the credentials, timeouts and TLS files read at start; the password file's map
 * may give each address its own password. Addresses go through {@link RedisAddress}'s strict grammar.
 *
 * @param address the exporter's own address (flag, environment or config file)
 * @param flagPassword {@code --redis.password}: wins over everything
 * @param passwords redis_exporter's password file, read once at start: wins over the rest
 * @param otherPassword {@code REDIS_PASSWORD}, else the config file's
 * @param limits the config file's {@code max_reply_elements} and {@code max_reply_bytes}
 */
record TargetResolver(String address, Optional<String> user, Optional<String> flagPassword,
    Optional<PasswordFile> passwords, Optional<String> otherPassword, Duration connectTimeout,
    RedisTarget.Tls tls, RedisTarget.Session session, ReplyLimits limits) {

  /** The exporter's own target. */
  RedisTarget main() throws ConfigException {
    return resolve(address, "--redis.addr");
  }

  /** A {@code /scrape} request's target; refused with a one-line reason, never a secret. */
  RedisTarget scrape(Map<String, String> params) {
    try {
      return resolve(params.get("target"), "target");
    } catch (ConfigException e) {
      throw new IllegalArgumentException("bad target: " + e.problem());
    }
  }

  private RedisTarget resolve(String text, String source) throws ConfigException {
    RedisAddress parsed;
    try {
      parsed = RedisAddress.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, 0, "", e.getMessage());
    }
    Optional<String> fromFile = passwords.isPresent() ? passwords.get().forAddress(text) : Optional.empty();
    Optional<String> password = flagPassword.or(() -> fromFile).or(() -> otherPassword);
    RedisTarget target = new RedisTarget(parsed, user, password, connectTimeout, tls, session, limits);
    try {
      target.uri();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, 0, "", e.getMessage());
    }
    return target;
  }
}
