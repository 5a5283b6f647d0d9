package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-line hints for ORA- errors that only a real server produces. The exceptions are built the way ojdbc 23
 * and the pool shape them (message text, error code, the pool's wrapper with the driver's error as cause); the
 * real driver's own failures are in FailurePathsTest.
 */
class OraHintsTest {

  private static final OracleDsn DSN = OracleDsn.parse("oracle://monitor:" + DsnFormsTest.NASTY
      + "@db.example.com:1521/ORCLPDB1");

  /** ojdbc 23's form: code, text, the per-attempt CONNECTION_ID and a help link. */
  private static SQLException ora(int code, String text) {
    return new SQLException(String.format("ORA-%05d: %s (CONNECTION_ID=Ab12Cd34Ef==)%nhttps://docs.oracle.com/"
        + "error-help/db/ora-%05d/", code, text, code), "99999", code);
  }

  /** The pool's wrapper around a failed logon. */
  private static SQLException pooled(SQLException cause) {
    return new SQLTransientConnectionException("exporter-jdbc-1 - Connection is not available, request timed out "
        + "after 2001ms (total=0, active=0, idle=0, waiting=0)", "08001", cause);
  }

  private static String pingFails(SQLException e) {
    OracleRequestExecutor x = new OracleRequestExecutor(new Failing(e), DSN);
    try {
      x.ping(Duration.ofSeconds(1));
    } catch (Exception t) {
      return t.getMessage();
    }
    throw new AssertionError("ping did not fail");
  }

  private static String fetchFails(String sql, SQLException e) {
    try {
      new OracleRequestExecutor(new Failing(e), DSN).fetch(new SqlRequest(sql), Duration.ofSeconds(1));
    } catch (Exception t) {
      return t.getMessage();
    }
    throw new AssertionError("fetch did not fail");
  }

  @Test
  void missingGrantNamesTheViewsAndTheGrants() {
    String m = fetchFails("SELECT status, COUNT(*) FROM gv$session s JOIN dba_tablespaces t ON 1 = 1 GROUP BY status",
        ora(942, "table or view \"SYS\".\"GV$SESSION\" does not exist"));
    assertThat(m).contains("cannot read gv$session, dba_tablespaces")
        .contains("GRANT SELECT ON SYS.GV_$SESSION TO <user>; GRANT SELECT ON SYS.DBA_TABLESPACES TO <user>")
        .contains("GRANT SELECT_CATALOG_ROLE TO <user>").contains("[ORA-00942: table or view")
        .doesNotContain("CONNECTION_ID").doesNotContain("https://").doesNotContain("\n");
  }

  @Test
  void logonErrorsSayWhatToCheck() {
    assertThat(pingFails(pooled(ora(1017, "invalid credential or not authorized; logon denied"))))
        .startsWith("the database refused the user name or password of user 'monitor'")
        .contains("[ORA-01017: invalid credential");
    assertThat(pingFails(ora(28000, "The account is locked."))).contains("ALTER USER monitor ACCOUNT UNLOCK");
    assertThat(pingFails(pooled(ora(12514, "Cannot connect to database. Service ORCLPDB1 is not registered with the "
        + "listener at host db.example.com port 1521."))))
        .startsWith("the listener at db.example.com:1521 does not know service 'ORCLPDB1': check the service name");
    assertThat(pingFails(ora(12505, "Cannot connect to database. SID ORCL is not registered")))
        .contains("does not know SID").contains("use the service name");
    assertThat(pingFails(ora(12541, "Cannot connect. No listener at host db.example.com port 1521.")))
        .startsWith("no listener at db.example.com:1521: check the host, the port");
    assertThat(pingFails(ora(1031, "insufficient privileges"))).startsWith("insufficient privileges to log on");
    assertThat(pingFails(ora(1045, "Login denied. User MONITOR does not have CREATE SESSION privilege.")))
        .contains("GRANT CREATE SESSION TO monitor");
  }

  @Test
  void aRoleThatIsNotGrantedNamesTheRole() {
    OracleDsn sys = OracleDsn.parse("oracle://monitor:x@db/svc?as=sysdba");
    assertThat(OraHints.forConnection(sys, ora(1031, "insufficient privileges")))
        .contains("insufficient privileges to log on AS SYSDBA: GRANT SYSDBA TO monitor, or drop the privilege "
            + "from the DSN [ORA-01031: insufficient privileges]");
  }

  @Test
  void everyHintIsOneBoundedLineWithoutThePassword() {
    for (int code : new int[] {942, 1017, 28000, 28001, 1045, 1031, 12514, 12505, 12541, 12170, 12537, 17904, 1033}) {
      SQLException e = ora(code, "x".repeat(2000) + DsnFormsTest.NASTY);
      for (String m : List.of(pingFails(pooled(e)), fetchFails("SELECT 1 FROM v$instance", e))) {
        assertThat(m).doesNotContain("\n").doesNotContain("CONNECTION_ID").hasSizeLessThanOrEqualTo(OraHints.MAX_LENGTH)
            .doesNotContain("p@ss:w");
      }
    }
  }

  @Test
  void unknownErrorsKeepTheDriversLineWithoutPerAttemptParts() {
    String m = pingFails(pooled(ora(12345, "something new")));
    assertThat(m).isEqualTo("cannot log on to db.example.com:1521: ORA-12345: something new");
    assertThat(fetchFails("SELECT 1 FROM dual", ora(904, "\"FOO\": invalid identifier")))
        .isEqualTo("ORA-00904: \"FOO\": invalid identifier");
    assertThat(OraHints.forRequest("SELECT 1 FROM dual", new SQLException("no code here"))).isEmpty();
  }

  /** An executor that fails every call with one exception. */
  private record Failing(SQLException error) implements RequestExecutor<SqlRequest> {
    @Override
    public void ping(Duration timeout) throws SQLException {
      throw error;
    }

    @Override
    public List<Row> fetch(SqlRequest request, Duration timeout) throws SQLException {
      throw error;
    }

    @Override
    public void close() {}
  }

  @Test
  void theExecutorsSecretsHoldThePasswordsForTheRedactor() {
    OracleDsn withWallet = OracleDsn.parse("oracle://u:pw1@db/svc?wallet=/w&wallet password=pw2");
    assertThat(new OracleRequestExecutor(new Failing(new SQLException()), withWallet).secrets())
        .contains("pw1", "pw2");
  }
}
