package dev.exportersuite.oracle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every session of the exporter tells the database, so that a DBA sees it in {@code v$session} and can
 * exclude it (from top-SQL reports, from auditing, from a resource plan): the program, module, action and
 * client identifier; and the timeouts that keep a logon or a dead network from hanging a scrape.
 */
final class SessionIdentity {

  static final String PROGRAM = "oracle-exporter";
  static final String MODULE = "oracle-exporter";
  static final String ACTION = "collect";

  /**
   * Run once on each new session. DBMS_APPLICATION_INFO and DBMS_SESSION.SET_IDENTIFIER are granted to PUBLIC,
   * so no extra privilege is needed; the values show in v$session.module, .action, .client_info and
   * .client_identifier.
   */
  static final String INIT_SQL = "BEGIN DBMS_APPLICATION_INFO.SET_MODULE('" + MODULE + "', '" + ACTION + "'); "
      + "DBMS_APPLICATION_INFO.SET_CLIENT_INFO('" + PROGRAM + "'); DBMS_SESSION.SET_IDENTIFIER('" + PROGRAM
      + "'); END;";

  private SessionIdentity() {}

  /**
   * ojdbc connection properties, the DSN's options included. User, password and role are not here: the pool
   * passes user and password itself, and {@link OracleSettings} adds the role.
   *
   * @param connectTimeout bounds the TCP connect and the logon handshake
   * @param readTimeout bounds each socket read outside a request (the liveness check, the logon); a request
   *     raises it to its own limit for its duration
   */
  static Map<String, String> properties(OracleDsn dsn, Duration connectTimeout, Duration readTimeout) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("v$session.program", PROGRAM);
    p.put("oracle.net.CONNECT_TIMEOUT", Long.toString(connectTimeout.toMillis()));
    p.put("oracle.jdbc.ReadTimeout", Long.toString(readTimeout.toMillis()));
    // A container's zone name (Etc/UTC) that the database does not know fails the logon with ORA-01882.
    p.put("oracle.jdbc.timezoneAsRegion", "false");
    dsn.role().ifPresent(r -> p.put("internal_logon", r.internalLogon()));
    DsnOptions o = dsn.options();
    o.wallet().ifPresent(dir -> p.put("oracle.net.wallet_location",
        "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))"));
    o.walletPassword().ifPresent(pw -> p.put("oracle.net.wallet_password", pw));
    o.sslVerify().ifPresent(v -> p.put("oracle.net.ssl_server_dn_match", Boolean.toString(v)));
    o.prefetchRows().ifPresent(n -> p.put("defaultRowPrefetch", Integer.toString(n)));
    return p;
  }
}
