package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.ForwardingExecutor;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The JDBC executor, with privilege errors rewritten to name the missing grant. */
final class MysqlRequestExecutor extends ForwardingExecutor {

  MysqlRequestExecutor(RequestExecutor delegate) {
    super(delegate);
  }

  @Override
  public List<Row> execute(String request, Duration timeout) throws Exception {
    return withGrantHint(request, () -> super.execute(request, timeout));
  }

  /** What the engine calls for each round trip. */
  @Override
  public List<Row> fetch(String request, Duration timeout) throws Exception {
    return withGrantHint(request, () -> super.fetch(request, timeout));
  }

  private interface Query {
    List<Row> run() throws Exception;
  }

  private static List<Row> withGrantHint(String request, Query query) throws Exception {
    try {
      return query.run();
    } catch (SQLException e) {
      Optional<String> hint = PrivilegeHints.hint(request, e);
      if (hint.isPresent()) {
        throw new SQLException(hint.get(), e.getSQLState(), e.getErrorCode());
      }
      throw e;
    }
  }
}
