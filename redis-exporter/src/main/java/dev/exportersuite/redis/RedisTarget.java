package dev.exportersuite.redis;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.endpoint.HostPort;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where and how to connect: the parsed address, the credentials and the TLS files. Equal targets mean the same
 * connection, which is what {@code /scrape} keys its engines by. {@link #toString()} never shows a password.
 */
record RedisTarget(
    RedisAddress address,
    Optional<String> user,
    Optional<String> password,
    Duration connectTimeout,
    Tls tls) implements ResolvedConnection<RedisRequest> {

  /** TLS settings for {@code rediss://}. */
  record Tls(boolean skipVerify, Optional<Path> caFile, Optional<Path> clientCert, Optional<Path> clientKey) {
    static final Tls NONE = new Tls(false, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The client's URI, built from parts: no option of it comes from text. */
  RedisURI uri() {
    RedisURI.Builder b = address.uriBuilder();
    // Credentials written in the address are the more specific (e.g. a /scrape target's own), so they win.
    Optional<String> pw = address.password().filter(p -> !p.isEmpty()).or(() -> password);
    Optional<String> u = address.user().or(() -> user);
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

  @Override
  public String describe() {
    return display() + user.map(u -> " as " + u).orElse("");
  }

  @Override
  public RequestExecutor<RedisRequest> open() {
    return new RedisExecutor(this);
  }

  boolean usesTls() {
    return address.tls();
  }

  @Override
  public Optional<HostPort> targetAddress() {
    return address.server();
  }

  /** The address with any password in it masked, for logs, errors and labels. */
  String display() {
    return address.display();
  }

  /** Every secret this target holds, for the redactor. */
  List<String> secrets() {
    List<String> out = new ArrayList<>();
    password.ifPresent(out::add);
    address.password().ifPresent(out::add);
    return out;
  }

  @Override
  public String toString() {
    return "RedisTarget[" + display() + (user.isPresent() ? ", user=" + user.get() : "")
        + (password.isPresent() ? ", password=***" : "") + "]";
  }
}
