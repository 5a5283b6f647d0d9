package dev.exportersuite.mysql;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.SourceLocation;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.rows.RowShaping;
import dev.exportersuite.core.rows.RowShapingException;
import dev.exportersuite.core.rows.RowStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mysqld_exporter's {@code binlog_size} collector: from {@code SHOW BINARY LOGS}, the total size, the number of files
 * and the number in the last file's name ({@code mysql-bin.000042} -> 42). It is made in code because no row step of
 * a metrics file keeps the last row. A server without binary logging has no rows, as mysqld_exporter reports nothing
 * then ({@link AbsentSources}). Off unless {@code --collect.binlog_size}.
 */
final class BinlogCollector {

  static final String NAME = "binlog_size";

  private BinlogCollector() {}

  static MetricDefinition<SqlRequest> definition() {
    try {
      return MetricDefinition.<SqlRequest>builder()
          .collector(NAME)
          .enabled(false)
          .context("binlog")
          .request(SqlRequest.parser().parse("SHOW BINARY LOGS"))
          .rows(RowShaping.of(new Summary()))
          .metric("size_bytes", "Combined size of all registered binlog files.")
          .metric("files", "Number of registered binlog files.")
          .metric("file_number", "The last binlog file number.")
          .ignoreZeroResult(true)
          .source(SourceLocation.of("--collect.binlog_size"))
          .build();
    } catch (InvalidRequestException e) {
      throw new IllegalStateException("SHOW BINARY LOGS must parse", e);
    }
  }

  /** The rows of SHOW BINARY LOGS ({@code log_name, file_size[, encrypted]}) as one row of the three figures. */
  record Summary() implements RowStep {

    @Override
    public String keyword() {
      return "binlog summary";
    }

    @Override
    public List<Row> apply(List<Row> rows) {
      if (rows.isEmpty()) {
        return List.of();
      }
      long size = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (!(rows.get(i).get("file_size") instanceof Number n)) {
          throw new RowShapingException("row " + (i + 1) + " has no numeric file_size column");
        }
        size += n.longValue();
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("size_bytes", size);
      out.put("files", (long) rows.size());
      out.put("file_number", fileNumber(rows.get(rows.size() - 1).get("log_name")));
      return List.of(new Row(out));
    }

    /** As mysqld_exporter reads it: the second dot-separated part of the name; not a number gives 0. */
    static Double fileNumber(Object logName) {
      if (logName == null) {
        return null;
      }
      String[] parts = logName.toString().split("\\.", -1);
      if (parts.length < 2) {
        return null;
      }
      try {
        return Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        return 0.0;
      }
    }
  }
}
