package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The JDBC executor, with privilege errors rewritten to name the missing grant. */
final class MysqlRequestExecutor implements RequestExecutor {

  private final RequestExecutor delegate;

  MysqlRequestExecutor(RequestExecutor delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<Row> execute(String request, Duration timeout) throws Exception {
    try {
      return delegate.execute(request, timeout);
    } catch (SQLException e) {
      Optional<String> hint = PrivilegeHints.hint(request, e);
      if (hint.isPresent()) {
        throw new SQLException(hint.get(), e.getSQLState(), e.getErrorCode());
      }
      throw e;
    }
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    delegate.ping(timeout);
  }

  @Override
  public List<String> secrets() {
    return delegate.secrets();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
