package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.RunningExporter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A driver that quotes the password in its error (ojdbc does not, as far as FailurePathsTest sees; a future one or
 * a wrapper might): the executor hands both passwords to the core's redactor, so neither reaches /metrics or the
 * landing page.
 */
class PasswordRedactionTest {

  private static final String PASSWORD = DsnFormsTest.NASTY;
  private static final String WALLET = "w@llet pw";

  /** Fails every call with a message that quotes both secrets. */
  private record Leaky(String message) implements RequestExecutor<SqlRequest> {
    @Override
    public void ping(Duration timeout) throws SQLException {
      throw new SQLException(message);
    }

    @Override
    public List<Row> fetch(SqlRequest request, Duration timeout) throws SQLException {
      throw new SQLException(message);
    }

    @Override
    public void close() {}
  }

  @Test
  void secretsQuotedByTheDriverAreRedactedEverywhere() throws Exception {
    OracleDsn dsn = OracleDsn.parse("oracle://monitor:" + PASSWORD + "@db/svc?wallet=/w&wallet password="
        + WALLET.replace(" ", "%20").replace("@", "%40")); // an option value's @ is encoded (README rule 2)
    RequestExecutor<SqlRequest> executor = new OracleRequestExecutor(new Leaky("logon failed for monitor/"
        + PASSWORD + " with wallet password " + WALLET), dsn);
    try (RunningExporter<SqlRequest> e = new RunningExporter<>("oracledb", executor, SqlRequest.parser(),
        "metrics:\n  - context: x\n    request: SELECT 1 AS v FROM dual\n    metricsdesc: {v: X.}\n")) {
      String metrics = e.scrape();
      String landing = Http.get(e.url("/")).body();
      assertThat(metrics).contains("oracledb_up 0");
      assertThat(landing).contains("cannot log on to db:1521").contains("***");
      for (String page : List.of(metrics, landing)) {
        assertThat(page).doesNotContain(PASSWORD).doesNotContain(WALLET).doesNotContain("p@ss:w");
      }
    }
  }
}
