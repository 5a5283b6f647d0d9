package dev.exportersuite.oracle;

import dev.exportersuite.core.collect.ForwardingExecutor;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JDBC executor, with ORA- errors rewritten to one line that says what to do (see {@link OraHints}). */
final class OracleRequestExecutor extends ForwardingExecutor<SqlRequest> {

  private final OracleDsn dsn;

  OracleRequestExecutor(RequestExecutor<SqlRequest> delegate, OracleDsn dsn) {
    super(delegate);
    this.dsn = dsn;
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    try {
      super.ping(timeout);
    } catch (SQLException e) {
      Optional<String> hint = OraHints.forConnection(dsn, e);
      throw new SQLException(hint.orElseGet(() -> OraHints.connectionFailure(dsn, e)), e.getSQLState(),
          e.getErrorCode());
    }
  }

  @Override
  public List<Row> fetch(SqlRequest request, Duration timeout) throws Exception {
    try {
      return super.fetch(request, timeout);
    } catch (SQLException e) {
      Optional<String> hint = OraHints.forRequest(request.sql(), e).or(() -> OraHints.forConnection(dsn, e));
      if (hint.isPresent()) {
        throw new SQLException(hint.get(), e.getSQLState(), e.getErrorCode());
      }
      throw new SQLException(OraHints.clean(describe(e)), e.getSQLState(), e.getErrorCode());
    }
  }

  /** The message and its root cause's, as the engine would show them, before cleaning. */
  private static String describe(Throwable e) {
    String m = String.valueOf(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String r = String.valueOf(root.getMessage());
    return root == e || m.contains(r) ? m : m + ": " + r;
  }

  /** The password in both the decoded and any other form it might be quoted in, and the wallet's. */
  @Override
  public List<String> secrets() {
    List<String> out = new ArrayList<>(super.secrets());
    out.add(dsn.password());
    dsn.options().walletPassword().ifPresent(out::add);
    return out;
  }
}
