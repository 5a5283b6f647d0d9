package dev.exportersuite.redis;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.SecretSource;
import dev.exportersuite.core.config.YamlMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code connection:} section of the config file. Every key is optional: flags and the environment
 * variables redis_exporter users already set fill in or override.
 *
 * <pre>
 * connection:
 *   addr: rediss://cache-1:6380
 *   user: exporter
 *   password_file: /run/secrets/redis
 *   connect_timeout: 5s
 *   tls_ca_file: /etc/ssl/redis-ca.pem
 *   max_reply_elements: 100000
 *   max_reply_bytes: 16777216
 * </pre>
 */
record RedisConnectionSection(
    Optional<String> addr,
    Optional<String> user,
    Optional<String> password,
    Optional<Duration> connectTimeout,
    boolean tlsSkipVerify,
    Optional<Path> tlsCaFile,
    Optional<Path> tlsCertFile,
    Optional<Path> tlsKeyFile,
    ReplyLimits limits) {

  static final List<String> KEYS = List.of("addr", "user", "password", "password_file", "connect_timeout",
      "tls_skip_verify", "tls_ca_file", "tls_cert_file", "tls_key_file", "max_reply_elements", "max_reply_bytes");

  static final RedisConnectionSection EMPTY = new RedisConnectionSection(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
      ReplyLimits.DEFAULT);

  static ExporterConfigReader.ModuleSection<RedisConnectionSection> section() {
    return ExporterConfigReader.ModuleSection.mapping("connection", EMPTY, RedisConnectionSection::parse);
  }

  static RedisConnectionSection parse(YamlMapping c) throws ConfigException {
    c.expect(KEYS);
    Optional<String> addr = c.string("addr");
    if (addr.isPresent()) {
      try {
        RedisAddress.parse(addr.get());
      } catch (IllegalArgumentException e) {
        throw c.error("addr", e.getMessage());
      }
    }
    Optional<String> user = c.string("user");
    Optional<String> password = SecretSource.fromSection(c);
    Optional<Duration> connect = c.duration("connect_timeout");
    boolean skip = c.bool("tls_skip_verify", false);
    Optional<Path> ca = c.string("tls_ca_file").map(Path::of);
    Optional<Path> cert = c.string("tls_cert_file").map(Path::of);
    Optional<Path> key = c.string("tls_key_file").map(Path::of);
    if (cert.isPresent() != key.isPresent()) {
      throw c.error(cert.isPresent() ? "tls_cert_file" : "tls_key_file",
          "a client certificate needs both tls_cert_file and tls_key_file");
    }
    // As mysql's max_rows: a bigger reply is an error for its entry, never a silent cut.
    int maxElements = c.integer("max_reply_elements", 1, ReplyLimits.MAX_MAX_ELEMENTS)
        .orElse(ReplyLimits.DEFAULT_MAX_ELEMENTS);
    long maxBytes = c.integer("max_reply_bytes", 1, (int) ReplyLimits.MAX_MAX_BYTES)
        .orElse((int) ReplyLimits.DEFAULT_MAX_BYTES);
    c.finish();
    return new RedisConnectionSection(addr, user, password, connect, skip, ca, cert, key,
        new ReplyLimits(maxElements, maxBytes));
  }

  private static String safeDisplay(String address) {
    try {
      return RedisAddress.parse(address).display();
    } catch (IllegalArgumentException e) {
      return "(invalid)";
    }
  }

  @Override
  public String toString() {
    return "RedisConnectionSection[addr=" + addr.map(a -> safeDisplay(a)).orElse("") + ", user="
        + user.orElse("") + ", password=" + (password.isPresent() ? "***" : "") + "]";
  }
}
