package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.ForwardingExecutor;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The JDBC executor, with privilege errors rewritten to name the missing grant. */
final class MysqlRequestExecutor extends ForwardingExecutor<SqlRequest> {

  MysqlRequestExecutor(RequestExecutor<SqlRequest> delegate) {
    super(delegate);
  }

  @Override
  public List<Row> fetch(SqlRequest request, Duration timeout) throws Exception {
    try {
      return super.fetch(request, timeout);
    } catch (SQLException e) {
      Optional<String> hint = PrivilegeHints.hint(request.sql(), e);
      if (hint.isPresent()) {
        throw new SQLException(hint.get(), e.getSQLState(), e.getErrorCode());
      }
      throw e;
    }
  }
}
