package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.jdbc.JdbcSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the pool and every session are opened with: who they say they are, their limits, nothing secret in the URL. */
class SessionSettingsTest {

  private static JdbcSettings jdbc(String dsn, int open, int idle) {
    return new OracleSettings(OracleDsn.parse(dsn), open, idle, Duration.ofSeconds(2), Duration.ofSeconds(5)).jdbc();
  }

  @Test
  void sessionsNameThemselvesForTheDba() {
    JdbcSettings j = jdbc("oracle://monitor:secret@db/svc", 3, 0);
    assertThat(j.properties()).containsEntry("v$session.program", "oracle-exporter");
    assertThat(j.initSql()).hasValueSatisfying(sql -> assertThat(sql)
        .contains("DBMS_APPLICATION_INFO.SET_MODULE('oracle-exporter', 'collect')")
        .contains("DBMS_APPLICATION_INFO.SET_CLIENT_INFO('oracle-exporter')")
        .contains("DBMS_SESSION.SET_IDENTIFIER('oracle-exporter')"));
  }

  @Test
  void timeoutsBoundTheLogonAndTheLivenessCheck() {
    JdbcSettings j = jdbc("oracle://monitor:secret@db/svc", 3, 0);
    assertThat(j.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(j.properties()).containsEntry("oracle.net.CONNECT_TIMEOUT", "2000")
        .containsEntry("oracle.jdbc.ReadTimeout", "5000");
  }

  @Test
  void credentialsAndRoleAreConnectionPropertiesNeverTheUrl() {
    JdbcSettings j = jdbc("oracle://sys:" + DsnFormsTest.NASTY + "@db/svc", 3, 0);
    assertThat(j.url()).isEqualTo("jdbc:oracle:thin:@//db:1521/svc");
    assertThat(j.username()).contains("sys");
    assertThat(j.password()).contains(DsnFormsTest.NASTY);
    assertThat(j.properties()).containsEntry("internal_logon", "sysdba").doesNotContainValue(DsnFormsTest.NASTY);
    assertThat(j.toString()).doesNotContain(DsnFormsTest.NASTY);
  }

  @Test
  void aSmallPoolAndIdleSessionsNeverMoreThanOpenOnes() {
    JdbcSettings j = jdbc("oracle://u:p@db/svc", 3, 10);
    assertThat(j.poolSize()).isEqualTo(3);
    assertThat(j.minIdle()).isEqualTo(3);
    assertThat(jdbc("oracle://u:p@db/svc", 2, 0).minIdle()).isZero();
  }
}
