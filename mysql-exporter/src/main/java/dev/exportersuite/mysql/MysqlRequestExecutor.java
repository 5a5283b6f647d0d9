package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.ForwardingExecutor;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC executor, with each request's limit enforced by the server ({@link StatementTimeLimit}), privilege
 * errors rewritten to name the missing grant, and the answer of a server that lacks an optional feature
 * ({@link AbsentSources}) read as no rows.
 */
final class MysqlRequestExecutor extends ForwardingExecutor<SqlRequest> {

  static final Duration DRIVER_BACKSTOP = Duration.ofSeconds(1);

  MysqlRequestExecutor(RequestExecutor<SqlRequest> delegate) {
    super(delegate);
  }

  @Override
  public List<Row> fetch(SqlRequest request, Duration timeout) throws Exception {
    try {
      // The driver's own cancel stays as a backstop, a second later, for a server that ignores both limits.
      return super.fetch(StatementTimeLimit.apply(request, timeout), timeout.plus(DRIVER_BACKSTOP));
    } catch (SQLException e) {
      if (AbsentSources.absent(request.sql(), e)) {
        return List.of();
      }
      Optional<String> hint = PrivilegeHints.hint(request.sql(), e);
      if (hint.isPresent()) {
        throw new SQLException(hint.get(), e.getSQLState(), e.getErrorCode());
      }
      throw e;
    }
  }
}
