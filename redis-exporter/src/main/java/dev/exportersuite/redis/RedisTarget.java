package dev.exportersuite.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how to connect: the address as redis_exporter users write it ({@code redis://host:6379},
 * {@code rediss://} for TLS, {@code unix:///run/redis.sock}, or bare {@code host:port}), the credentials and
 * the TLS files. {@link #toString()} never shows the password.
 */
record RedisTarget(
    String address,
    Optional<String> user,
    Optional<String> password,
    Duration connectTimeout,
    Tls tls) {

  /** TLS settings for {@code rediss://}. */
  record Tls(boolean skipVerify, Optional<Path> caFile, Optional<Path> clientCert, Optional<Path> clientKey) {
    static final Tls NONE = new Tls(false, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static final List<String> SCHEMES = List.of("redis", "rediss", "unix", "redis-socket", "valkey", "valkeys");

  /** @throws IllegalArgumentException when the address cannot be understood (the message shows accepted forms) */
  RedisURI uri() {
    String a = normalised(address);
    RedisURI.Builder b;
    RedisURI parsed;
    try {
      parsed = RedisURI.create(a);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot use redis address '" + display(address) + "': " + e.getMessage()
          + "; write redis://host:6379, rediss://host:6380 or unix:///path/to/redis.sock");
    }
    b = RedisURI.builder(parsed);
    // Credentials written in the address are the more specific (e.g. a /scrape target's own), so they win.
    Optional<String> pw = parsed.getPassword() == null || parsed.getPassword().length == 0
        ? password : Optional.of(new String(parsed.getPassword()));
    Optional<String> u = Optional.ofNullable(parsed.getUsername()).filter(s -> !s.isEmpty()).or(() -> user);
    if (pw.isPresent()) {
      if (u.isPresent() && !u.get().isEmpty()) {
        b.withAuthentication(u.get(), pw.get().toCharArray());
      } else {
        b.withPassword(pw.get().toCharArray());
      }
    }
    if (tls.skipVerify()) {
      b.withVerifyPeer(SslVerifyMode.NONE);
    }
    b.withClientName("redis_exporter");
    b.withTimeout(connectTimeout);
    return b.build();
  }

  boolean usesTls() {
    return normalised(address).startsWith("rediss://") || normalised(address).startsWith("valkeys://");
  }

  /** The address with any password in it masked, for logs, errors and labels. */
  String display() {
    return display(address);
  }

  static String display(String address) {
    return address.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
  }

  /** Every secret this target holds, for the redactor. */
  List<String> secrets() {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    password.ifPresent(out::add);
    try {
      URI u = new URI(normalised(address));
      if (u.getRawUserInfo() != null && u.getRawUserInfo().contains(":")) {
        out.add(u.getRawUserInfo().substring(u.getRawUserInfo().indexOf(':') + 1));
      }
    } catch (URISyntaxException e) {
      // not a URI; then it holds no password either
    }
    return out;
  }

  static String normalised(String address) {
    String a = address.strip();
    if (a.startsWith("unix://")) {
      return "redis-socket://" + a.substring("unix://".length());
    }
    if (a.startsWith("/")) {
      return "redis-socket://" + a;
    }
    int scheme = a.indexOf("://");
    if (scheme < 0) {
      return "redis://" + a;
    }
    String s = a.substring(0, scheme).toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(s)) {
      throw new IllegalArgumentException("unknown scheme '" + s + "' in redis address '" + display(a)
          + "'; use redis://, rediss:// or unix://");
    }
    return a;
  }

  @Override
  public String toString() {
    return "RedisTarget[" + display() + (user.isPresent() ? ", user=" + user.get() : "")
        + (password.isPresent() ? ", password=***" : "") + "]";
  }
}
