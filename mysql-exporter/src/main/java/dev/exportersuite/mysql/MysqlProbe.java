package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.MultiTarget;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.endpoint.InvalidAddressException;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /probe?target=host:port&auth_module=client.<section>}: the target is parsed by the strict address
 * grammar and the section looked up before anything connects; the resulting settings select the pool, so
 * {@code ?target=db&x=1} and {@code ?target=db:3306&x=2} share one.
 */
final class MysqlProbe implements MultiTarget.Selector<SqlRequest> {

  /** Probe targets share one exporter; each gets a small pool. */
  private static final int TARGET_POOL = 2;
  /** An option file section name: {@code client}, {@code client.team_a}. */
  private static final Pattern SECTION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final ConnectionSources sources;

  MysqlProbe(ConnectionSources sources) {
    this.sources = sources;
  }

  @Override
  public MysqlSettings select(Map<String, String> params) {
    ServerEndpoint target;
    try {
      target = ServerEndpoint.parse(params.get("target"));
    } catch (InvalidAddressException e) {
      // The reason without the target: the requester sent it, and with the hint it kept the body over 200 characters.
      throw new IllegalArgumentException("bad target: " + e.reason()
          + "; write host:port, [ipv6]:port or unix:///path/to/mysqld.sock");
    }
    String module = Optional.ofNullable(params.get("auth_module")).filter(s -> !s.isBlank()).orElse("client");
    if (!SECTION.matcher(module).matches()) {
      throw new IllegalArgumentException("bad auth_module: a section name of letters, digits, '.', '_' and '-'");
    }
    try {
      return sources.resolve(Optional.of(target), module, TARGET_POOL, params.containsKey("auth_module"));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }
}
