package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.jdbc.JdbcConnectionSection;
import dev.exportersuite.core.jdbc.JdbcSettings;
import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.InputText;
import dev.exportersuite.core.endpoint.SocketPath;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the address and credentials may come from, and in which order they win: flags
 * ({@code --mysqld.address}, {@code --mysqld.username}, {@code MYSQLD_EXPORTER_PASSWORD}), then
 * {@code DATA_SOURCE_NAME} (mysqld_exporter 0.14), then the {@code .my.cnf} section, then the config file.
 *
 * @param requireTls {@code --tls.insecure-skip-verify}: TLS without certificate checks, and no plain connection
 */
record ConnectionSources(Credentials flags, Optional<DataSourceName> dsn, Optional<MyCnf> myCnf,
    JdbcConnectionSection file, SessionSettings session, boolean requireTls) {

  // mysqld_exporter's README has users grant MAX_USER_CONNECTIONS 3; a bigger pool would be refused there.
  static final int DEFAULT_POOL = 3;

  /**
   * @param address the server ({@code --mysqld.address} or a probe's target); empty: from the sources
   * @param section the {@code .my.cnf} section, {@code client} unless a probe names an {@code auth_module}
   */
  MysqlSettings resolve(Optional<ServerEndpoint> address, String section) throws ConfigException {
    return resolve(address, section, file.poolSize().orElse(DEFAULT_POOL), false);
  }

  MysqlSettings resolve(Optional<ServerEndpoint> address, String section, int poolSize, boolean sectionFirst)
      throws ConfigException {
    Optional<MyCnf.Section> cnf = myCnf.flatMap(c -> c.section(section));
    if (cnf.isEmpty() && !section.equals("client")) {
      throw new ConfigException(myCnf.map(MyCnf::source).orElse("--config.my-cnf"), 0, "auth_module",
          "no section [" + section + "]" + myCnf.map(c -> " (sections: " + c.sectionNames() + ")")
              .orElse(": pass --config.my-cnf"));
    }
    Credentials fromCnf = new Credentials(cnf.flatMap(s -> s.get("user")), cnf.flatMap(s -> s.get("password")));
    Credentials fromDsn = dsn.map(d -> new Credentials(d.user(), d.password())).orElse(Credentials.NONE);
    Credentials fromFile = new Credentials(file.username(), file.password());
    Credentials credentials = sectionFirst
        ? fromCnf.or(flags).or(fromDsn).or(fromFile)
        : flags.or(fromDsn).or(fromCnf).or(fromFile);
    ServerEndpoint endpoint;
    try {
      if (address.isPresent()) {
        endpoint = address.get();
      } else if (usesSocket(cnf)) {
        // As the mysql client does: with no host or host=localhost, socket= wins over TCP.
        endpoint = ServerEndpoint.socket(new SocketPath(cnf.get().get("socket").get()));
      } else if (!hostOrPort(cnf) && dsn.flatMap(DataSourceName::endpoint).flatMap(ServerEndpoint::socket)
          .isPresent()) {
        endpoint = dsn.get().endpoint().get();
      } else {
        endpoint = defaultEndpoint(cnf);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(myCnf.map(MyCnf::source).orElse("--config.my-cnf"), 0, "host", e.getMessage());
    }
    try {
      DriverProperties.check(file.properties());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config file", 0, "connection.properties", e.getMessage());
    }
    Duration connect = file.connectTimeout().orElse(Duration.ofSeconds(5));
    return new MysqlSettings(endpoint, credentials, session, poolSize, connect,
        DriverProperties.build(connect, endpoint.socket(), requireTls, file.properties()),
        file.maxRows().orElse(JdbcSettings.DEFAULT_MAX_ROWS));
  }

  private static boolean hostOrPort(Optional<MyCnf.Section> cnf) {
    return cnf.isPresent() && (cnf.get().get("host").isPresent() || cnf.get().get("port").isPresent());
  }

  private static boolean usesSocket(Optional<MyCnf.Section> cnf) {
    return cnf.isPresent() && cnf.get().get("socket").filter(s -> !s.isBlank()).isPresent()
        && cnf.get().get("host").map(h -> h.isBlank() || h.equalsIgnoreCase("localhost")).orElse(true);
  }

  private ServerEndpoint defaultEndpoint(Optional<MyCnf.Section> cnf) throws ConfigException {
    if (hostOrPort(cnf)) {
      String host = cnf.get().get("host").filter(h -> !h.isBlank()).orElse("localhost");
      String port = cnf.get().get("port").orElse(Integer.toString(ServerEndpoint.DEFAULT_PORT)).trim();
      if (!port.matches("[0-9]{1,5}")) {
        throw new ConfigException(myCnf.get().source(), 0, "port", InputText.quote(port) + " is not a port number");
      }
      return ServerEndpoint.tcp(new HostPort(host, Integer.parseInt(port)));
    }
    if (dsn.isPresent() && dsn.get().endpoint().isPresent()) {
      return dsn.get().endpoint().get();
    }
    if (file.url().isPresent()) {
      throw new ConfigException("config file", 0, "connection.url", "the MySQL exporter takes the server from "
          + "--mysqld.address or .my.cnf, not from connection.url");
    }
    return ServerEndpoint.LOCAL;
  }
}
