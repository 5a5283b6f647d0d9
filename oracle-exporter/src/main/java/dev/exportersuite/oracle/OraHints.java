package dev.exportersuite.oracle;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line that says what to do about an ORA- error, for the log, the landing page and {@code --once}: the grant to
 * give, the credentials or the service name to check. The line carries the ORA code and the driver's first line,
 * cleaned of the per-attempt CONNECTION_ID (which would make every scrape's message new, and the engine logs a
 * message again only when it changes) and of the help link; never a password or a row value.
 */
final class OraHints {

  static final int MAX_LENGTH = 400;

  private static final Pattern ORA = Pattern.compile("ORA-(\\d{5})");
  private static final Pattern CONNECTION_ID = Pattern.compile("\\s*\\(CONNECTION_ID=[^)]*\\)");
  private static final Pattern HELP_LINK = Pattern.compile("\\s*https?://\\S+");
  /** Dictionary views a monitoring query reads: v$, gv$, dba_, cdb_, all_ (the last one needs no grant). */
  private static final Pattern VIEW = Pattern.compile("(?i)\\b((?:g?v\\$|dba_|cdb_)[a-z0-9_$#]+)");

  private OraHints() {}

  /** For a failed request: the grant it needs, or what else the code means. */
  static Optional<String> forRequest(String sql, Throwable e) {
    OptionalInt code = code(e);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    String hint = switch (code.getAsInt()) {
      case 942 -> "the exporter user cannot read " + views(sql) + " (or it does not exist in this edition): "
          + grants(sql) + ", or GRANT SELECT_CATALOG_ROLE TO <user> for every dictionary view";
      case 1031 -> "insufficient privileges for this request: " + grants(sql);
      case 1013 -> "the request was cancelled at its querytimeout (ORA-01013); raise querytimeout or make it cheaper";
      default -> null;
    };
    return hint == null ? Optional.empty() : Optional.of(line(hint, e));
  }

  /** For a failed logon or liveness check: what to check, with where the exporter connects. */
  static Optional<String> forConnection(OracleDsn dsn, Throwable e) {
    OptionalInt code = code(e);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    String where = dsn.hosts().get(0).authority() + (dsn.hosts().size() > 1 ? " (and the other hosts)" : "");
    String hint = switch (code.getAsInt()) {
      case 1017 -> "the database refused the user name or password of user '" + dsn.user() + "': check both (a "
          + "password with special characters: see the README's DSN rules)";
      case 28000 -> "the account of user '" + dsn.user() + "' is locked: ALTER USER " + dsn.user()
          + " ACCOUNT UNLOCK (too many failed logons?)";
      case 28001 -> "the password of user '" + dsn.user() + "' has expired: set a new one";
      case 1045 -> "user '" + dsn.user() + "' may not log on: GRANT CREATE SESSION TO " + dsn.user();
      case 1031 -> "insufficient privileges to log on" + dsn.role().map(r -> " AS " + r + ": GRANT " + r + " TO "
          + dsn.user() + ", or drop the privilege from the DSN").orElse("");
      case 12514 -> "the listener at " + where + " does not know service '" + dsn.service() + "': check the "
          + "service name (lsnrctl services lists them)";
      case 12505 -> "the listener at " + where + " does not know SID '" + dsn.service() + "': check the SID, or "
          + "use the service name";
      case 12541 -> "no listener at " + where + ": check the host, the port and that the listener runs";
      case 12170, 12571 -> "no answer from " + where + " within the connect timeout: a firewall, or the wrong "
          + "host?";
      case 12537, 12547, 12592, 17401, 17410, 17800, 17904 -> "the connection to " + where + " broke during the "
          + "handshake: is it an Oracle listener's port?";
      case 1033, 1034, 1089 -> "the database at " + where + " is not open (starting up, shutting down or down)";
      default -> null;
    };
    return hint == null ? Optional.empty() : Optional.of(line(hint, e));
  }

  /**
   * For a failed logon no hint covers: where, and the driver's innermost ORA- line (or the root cause), without
   * the pool's "connection is not available" wrapper.
   */
  static String connectionFailure(OracleDsn dsn, Throwable e) {
    String driver = firstOraMessage(e);
    if (driver.isEmpty()) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      // The pool gave up before the driver did: the logon was still waiting for an answer.
      driver = root instanceof java.sql.SQLTransientConnectionException
          ? "no answer to the logon within the connect timeout (something accepts connections there but does not "
              + "answer like an Oracle listener, or is slow): check the host and port, or raise ?connection timeout="
          : clean(String.valueOf(root.getMessage()));
    }
    String out = "cannot log on to " + dsn.hosts().get(0).authority() + ": " + driver;
    return out.length() <= MAX_LENGTH ? out : out.substring(0, MAX_LENGTH - 3) + "...";
  }

  /** The driver's message without the per-attempt parts, for errors no hint covers. */
  static String clean(String message) {
    String m = CONNECTION_ID.matcher(message).replaceAll("");
    m = HELP_LINK.matcher(m).replaceAll("");
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }

  /** The first ORA- code in the exception or its causes; a driver's error code counts when it is one. */
  static OptionalInt code(Throwable e) {
    Set<Throwable> seen = new LinkedHashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      Matcher m = ORA.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return OptionalInt.of(Integer.parseInt(m.group(1)));
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() > 0) {
        return OptionalInt.of(s.getErrorCode());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return OptionalInt.empty();
  }

  private static String line(String hint, Throwable e) {
    String driver = firstOraMessage(e);
    String out = hint + (driver.isEmpty() ? "" : " [" + driver + "]");
    return out.length() <= MAX_LENGTH ? out : out.substring(0, MAX_LENGTH - 3) + "...";
  }

  /** The innermost message that names an ORA- code (the driver wraps them), cleaned. */
  private static String firstOraMessage(Throwable e) {
    String found = "";
    Set<Throwable> seen = new LinkedHashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      Matcher ora = ORA.matcher(m);
      if (ora.find()) {
        found = clean(m.substring(ora.start()));
      }
    }
    return found;
  }

  private static String views(String sql) {
    Set<String> views = viewsOf(sql);
    return views.isEmpty() ? "a table or view of this request" : String.join(", ", views);
  }

  private static String grants(String sql) {
    Set<String> views = viewsOf(sql);
    if (views.isEmpty()) {
      return "GRANT SELECT ON <the view> TO <user>";
    }
    StringBuilder sb = new StringBuilder();
    for (String v : views) {
      // v$ views are synonyms; the grant goes on the SYS.V_$ view behind them.
      String object = v.replaceFirst("^(g?v)\\$", "$1_\\$").toUpperCase(Locale.ROOT);
      sb.append(sb.length() == 0 ? "" : "; ").append("GRANT SELECT ON SYS.").append(object).append(" TO <user>");
    }
    return sb.toString();
  }

  private static Set<String> viewsOf(String sql) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = VIEW.matcher(sql);
    while (m.find() && out.size() < 5) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
