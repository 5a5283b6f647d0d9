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
    Tls tls,
    Session session,
    ReplyLimits limits) implements ResolvedConnection<RedisRequest> {

  RedisTarget(RedisAddress address, Optional<String> user, Optional<String> password, Duration connectTimeout,
      Tls tls, Session session) {
    this(address, user, password, connectTimeout, tls, session, ReplyLimits.DEFAULT);
  }

  /** The client name redis_exporter gives its connections. */
  static final String CLIENT_NAME = "redis_exporter";

  /**
   * How the exporter presents itself to the server and reads its config.
   *
   * @param clientName the name set on each connection ({@code --set-client-name}), empty for none
   * @param configCommand the name the server knows CONFIG by ({@code --config-command})
   * @param skipConfig {@code --config-command=-}: never send CONFIG
   */
  record Session(Optional<String> clientName, String configCommand, boolean skipConfig) {
    static final Session DEFAULT = new Session(Optional.of(CLIENT_NAME), "CONFIG", false);
  }

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
    session.clientName().ifPresent(b::withClientName);
    b.withTimeout(connectTimeout);
    return b.build();
  }

  @Override
  public String describe() {
    // As the other modules name theirs: where, and as whom.
    return display() + " as " + user.or(address::user).orElse("default")
        + (password.isPresent() || address.password().isPresent() ? " (with a password)" : " (no password)");
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

  /**
   * The password to send with redis_exporter's one-word {@code AUTH <password>} after connecting: a password
   * without a user, which a server without a password refuses as redis_exporter's login is refused.
   */
  Optional<String> legacyAuth() {
    Optional<String> pw = address.password().filter(p -> !p.isEmpty()).or(() -> password);
    boolean named = address.user().or(() -> user).filter(u -> !u.isEmpty()).isPresent();
    return named ? Optional.empty() : pw;
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
