package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.endpoint.HostPort;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every DSN form oracledb_exporter users write, and the special-character passwords the peer made them encode. */
class DsnFormsTest {

  /** Every character the peer refused raw or needed encoded, in one password. */
  static final String NASTY = "p@ss:w/o?r#d% &+=;!$'\"()[]{}|\\^`~<>,é";

  @Test
  void theSeedsUrlForm() {
    OracleDsn d = OracleDsn.parse("oracle://user:password@host:1521/service");
    assertThat(d.user()).isEqualTo("user");
    assertThat(d.password()).isEqualTo("password");
    assertThat(d.hosts()).containsExactly(new HostPort("host", 1521));
    assertThat(d.service()).isEqualTo("service");
    assertThat(d.role()).isEmpty();
    assertThat(d.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@//host:1521/service");
    assertThat(d.describe()).isEqualTo("host:1521/service as user");
  }

  @Test
  void anySchemeIsReadAsOracleAsGoOraDoesForTheSeedsTypo() {
    OracleDsn d = OracleDsn.parse("oralce://scott:" + NASTY + "@oracle-db:1521/ORCLPDB1");
    assertThat(d.password()).isEqualTo(NASTY);
    assertThat(d.describe()).isEqualTo("oracle-db:1521/ORCLPDB1 as scott");
    assertThat(OracleDsn.parse("ORACLE://u:p@h/s").user()).isEqualTo("u");
  }

  @Test
  void thePortDefaultsTo1521WhereThePeerFailed() {
    assertThat(OracleDsn.parse("oracle://u:p@db.example.com/ORCLPDB1").hosts())
        .containsExactly(new HostPort("db.example.com", 1521));
  }

  @Test
  void aRawPasswordWithEverySpecialCharacterWorks() {
    OracleDsn d = OracleDsn.parse("oracle://scott:" + NASTY + "@db:1521/svc");
    assertThat(d.password()).isEqualTo(NASTY);
    assertThat(d.user()).isEqualTo("scott");
    assertThat(d.describe()).isEqualTo("db:1521/svc as scott");
  }

  @Test
  void aPercentEncodedPasswordIsDecodedAsThePeerDid() {
    assertThat(OracleDsn.parse("oracle://scott:p%40ss%3Aw%2Fo%3Fr%23d%25%20x@db/svc").password())
        .isEqualTo("p@ss:w/o?r#d% x");
    assertThat(OracleDsn.parse("oracle://scott:%C3%A9t%C3%A9@db/svc").password()).isEqualTo("été");
    assertThat(OracleDsn.parse("oracle://scott:a+b@db/svc").password()).as("+ stays a plus").isEqualTo("a+b");
    assertThat(OracleDsn.parse("oracle://sc%6Ftt:x@db/svc").user()).isEqualTo("scott");
  }

  @Test
  void aPercentThatIsNotAnEscapeLeavesThePasswordAsWritten() {
    assertThat(OracleDsn.parse("oracle://u:50%off@db/svc").password()).isEqualTo("50%off");
    assertThat(OracleDsn.parse("oracle://u:100%@db/svc").password()).isEqualTo("100%");
    // One bad escape keeps the whole password raw, the good-looking one too.
    assertThat(OracleDsn.parse("oracle://u:%41%zz@db/svc").password()).isEqualTo("%41%zz");
    // Valid escapes that are not UTF-8 are not decoded either.
    assertThat(OracleDsn.parse("oracle://u:%FF%FE@db/svc").password()).isEqualTo("%FF%FE");
    // The documented ambiguity: a raw %41 is read as an escape; write %2541 for it.
    assertThat(OracleDsn.parse("oracle://u:a%2541@db/svc").password()).isEqualTo("a%41");
  }

  @Test
  void theLastAtEndsTheCredentialsAndTheFirstColonTheUser() {
    OracleDsn d = OracleDsn.parse("oracle://u:a@b@c:d@host:1522/svc");
    assertThat(d.user()).isEqualTo("u");
    assertThat(d.password()).isEqualTo("a@b@c:d");
    assertThat(d.hosts()).containsExactly(new HostPort("host", 1522));
  }

  @Test
  void legacyFormsWithAndWithoutSlashes() {
    for (String dsn : List.of("system/oracle@db:1521/XEPDB1", "system/oracle@//db:1521/XEPDB1")) {
      OracleDsn d = OracleDsn.parse(dsn);
      assertThat(d.user()).isEqualTo("system");
      assertThat(d.password()).isEqualTo("oracle");
      assertThat(d.describe()).isEqualTo("db:1521/XEPDB1 as system");
    }
    assertThat(OracleDsn.parse("system/oracle@db/XEPDB1").hosts()).containsExactly(new HostPort("db", 1521));
  }

  @Test
  void legacyFormPasswordsRawQuotedOrEncoded() {
    assertThat(OracleDsn.parse("scott/" + NASTY + "@db:1521/svc").password()).isEqualTo(NASTY);
    assertThat(OracleDsn.parse("scott/\"a@b/c\"@db:1521/svc").password()).as("sqlplus quoting").isEqualTo("a@b/c");
    assertThat(OracleDsn.parse("scott/a%40b@db:1521/svc").password()).isEqualTo("a@b");
  }

  @Test
  void severalHostsAsAListOrAsServerOptions() {
    OracleDsn list = OracleDsn.parse("oracle://u:p@h1:1521,h2:1522/svc");
    OracleDsn server = OracleDsn.parse("oracle://u:p@h1:1521/svc?server=h2:1522");
    for (OracleDsn d : List.of(list, server)) {
      assertThat(d.hosts()).containsExactly(new HostPort("h1", 1521), new HostPort("h2", 1522));
      assertThat(d.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(FAILOVER=ON)(LOAD_BALANCE=OFF)"
          + "(ADDRESS=(PROTOCOL=TCP)(HOST=h1)(PORT=1521))(ADDRESS=(PROTOCOL=TCP)(HOST=h2)(PORT=1522)))"
          + "(CONNECT_DATA=(SERVICE_NAME=svc)))");
      assertThat(d.describe()).isEqualTo("h1:1521/svc (+1 more host) as u");
    }
    assertThat(OracleDsn.parse("oracle://u:p@h1/svc?server=h2&SERVER=h3:1600").hosts()).hasSize(3);
  }

  @Test
  void rolesFromTheOptionTheSuffixAndTheUserSys() {
    assertThat(OracleDsn.parse("oracle://u:p@h/svc?dba privilege=sysdba").role()).contains(AdminRole.SYSDBA);
    assertThat(OracleDsn.parse("oracle://u:p@h/svc?DBA+PRIVILEGE=SYSOPER").role()).contains(AdminRole.SYSOPER);
    assertThat(OracleDsn.parse("oracle://u:p@h/svc?dba%20privilege=sysbackup").role()).contains(AdminRole.SYSBACKUP);
    assertThat(OracleDsn.parse("oracle://u:p@h/svc?as=sysdba").role()).contains(AdminRole.SYSDBA);
    assertThat(OracleDsn.parse("u/p@h:1521/svc as sysdba").role()).contains(AdminRole.SYSDBA);
    assertThat(OracleDsn.parse("oracle://u:p@h/svc AS SYSASM").role()).contains(AdminRole.SYSASM);
    assertThat(OracleDsn.parse("oracle://sys:p@h/svc").role()).contains(AdminRole.SYSDBA);
    assertThat(OracleDsn.parse("oracle://SYS:p@h/svc?as=sysoper").role()).contains(AdminRole.SYSOPER);
    assertThat(OracleDsn.parse("oracle://sys:p@h/svc").describe()).isEqualTo("h:1521/svc as sys (SYSDBA)");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?as=sysdba as sysoper"))
        .hasMessageContaining("two administrative privileges");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?as=root")).hasMessageContaining("SYSDBA, SYSOPER");
  }

  @Test
  void optionsMapToDriverSettingsAndUnknownOnesAreRefusedByName() {
    OracleDsn d = OracleDsn.parse("oracle://u:p@h/svc?connection timeout=7&SSL=enable&ssl_verify=false"
        + "&wallet=/opt/wallet&wallet password=w4ll3t&prefetch_rows=50");
    assertThat(d.options().connectTimeout()).contains(Duration.ofSeconds(7));
    assertThat(d.options().ssl()).isTrue();
    assertThat(d.jdbcUrl()).contains("(PROTOCOL=TCPS)").doesNotContain("w4ll3t");
    assertThat(SessionIdentity.properties(d, Duration.ofSeconds(7), Duration.ofSeconds(5)))
        .containsEntry("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=/opt/wallet)))")
        .containsEntry("oracle.net.wallet_password", "w4ll3t")
        .containsEntry("oracle.net.ssl_server_dn_match", "false")
        .containsEntry("defaultRowPrefetch", "50")
        .containsEntry("oracle.net.CONNECT_TIMEOUT", "7000");
    assertThat(d.toString()).doesNotContain("w4ll3t").doesNotContain("=p,");
    assertThat(OracleDsn.parse("oracle://u:p@h/svc?TIMEOUT=3").options().connectTimeout())
        .contains(Duration.ofSeconds(3));

    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:secret@h/svc?retry_count=3&x=secret"))
        .hasMessageContaining("unknown DSN option 'retry count'").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?timeout=0"))
        .hasMessageContaining("'connection timeout': must be a whole number from 1 to 3600");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?ssl=maybe")).hasMessageContaining("'ssl'");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?wallet=/a)(b")).hasMessageContaining("'wallet'");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?timeout=1&timeout=2"))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?" + "a=1&".repeat(40)))
        .hasMessageContaining("more than 32");
  }

  @Test
  void aSidInsteadOfAServiceName() {
    OracleDsn d = OracleDsn.parse("oracle://u:p@h:1521?sid=ORCL");
    assertThat(d.sid()).isTrue();
    assertThat(d.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=h)(PORT=1521))"
        + "(CONNECT_DATA=(SID=ORCL)))");
    assertThat(d.describe()).isEqualTo("h:1521:ORCL as u");
    assertThat(OracleDsn.parse("oracle://u:p@h?service name=pdb1").service()).isEqualTo("pdb1");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@h/svc?sid=ORCL")).hasMessageContaining("given twice");
  }

  @Test
  void ipv6Hosts() {
    OracleDsn d = OracleDsn.parse("oracle://u:p@[::1]:1521/svc");
    assertThat(d.hosts()).containsExactly(new HostPort("::1", 1521));
    assertThat(d.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@//[::1]:1521/svc");
  }

  @Test
  void aConnectDescriptorPassesOnlyInTheFormItWasUnderstood() {
    OracleDsn d = OracleDsn.parse("scott/" + NASTY + "@(description = (address=(protocol=tcp)(host=db1)(port=1521))"
        + "(address=(protocol=tcp)(host=db2)(port=1521))(connect_data=(service_name=sales.example.com))"
        + "(security=(ssl_server_cert_dn=\"CN=db,O=Example Corp,C=US\")))");
    assertThat(d.password()).isEqualTo(NASTY);
    assertThat(d.hosts()).containsExactly(new HostPort("db1", 1521), new HostPort("db2", 1521));
    assertThat(d.service()).isEqualTo("sales.example.com");
    assertThat(d.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=db1)(PORT=1521))"
        + "(ADDRESS=(PROTOCOL=tcp)(HOST=db2)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=sales.example.com))"
        + "(SECURITY=(SSL_SERVER_CERT_DN=\"CN=db,O=Example Corp,C=US\")))");
    assertThat(d.describe()).isEqualTo("db1:1521/sales.example.com (+1 more host) (connect descriptor) as scott");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "u/p@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s))(EVIL=1))",
      "u/p@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s;x)))",
      "u/p@(DESCRIPTION=(ADDRESS=(PROTOCOL=IPC)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s)))",
      "u/p@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVER=DEDICATED)))",
      "u/p@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s))",
      "u/p@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=d b)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s)))",
      "u/p@(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=s)))",
      "u/p@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s)))trailing",
      "u/p@(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))",
  })
  void aDescriptorOutsideTheGrammarIsRefused(String dsn) {
    assertThatThrownBy(() -> OracleDsn.parse(dsn)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("descriptor").hasMessageNotContaining("u/p");
  }

  @Test
  void aDeeplyNestedDescriptorIsRefusedWithoutRecursingFar() {
    String deep = "(DESCRIPTION=".repeat(100) + ")".repeat(100);
    assertThatThrownBy(() -> OracleDsn.parse("u/p@" + deep)).hasMessageContaining("nested deeper");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "oracle://", "oracle://host:1521/svc", "oracle://user@host/svc", "oracle://user:@host/svc",
      "oracle://:p@host/svc", "scott/tiger@orcl", "scott/tiger@host:1521", "oracle://u:p@/svc",
      "oracle://u:p@host/bad service", "oracle://u:p@host/svc:dedicated", "oracle://u:p@host/s/v/c",
      "oracle://u:p@host:99999/svc", "oracle://u:p@ho st/svc", "oracle://u:p@h1,,h2/svc",
      "oracle://u:p@host/svc\n", "oracle://u:p\r@host/svc", "oracle://u:p@host/svc as root",
  })
  void malformedDsnsAreRefusedWithoutRepeatingThePassword(String dsn) {
    assertThatThrownBy(() -> OracleDsn.parse(dsn.replace("\n", "\nx"))).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(":p@").doesNotContain("tiger").isNotBlank()
            .hasSizeLessThan(300));
  }

  @Test
  void specificReasonsForTheCommonMistakes() {
    assertThatThrownBy(() -> OracleDsn.parse("scott/tiger@orcl")).hasMessageContaining("a TNS alias needs a tnsnames.ora");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://host:1521/svc")).hasMessageContaining("no user");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://user@host/svc")).hasMessageContaining("no password");
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@host:1521")).hasMessageContaining("no service name");
    assertThatCode(() -> OracleDsn.parse("oracle://u:p@h/svc\n")).as("a trailing newline is blank, stripped")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p\n@h/svc")).hasMessageContaining("control character");
    // Rule 2: the credentials end at the last @, so an option value writes its @ as %40.
    assertThatThrownBy(() -> OracleDsn.parse("oracle://u:p@db/svc?wallet password=w@llet"))
        .hasMessageContaining("no service name");
    assertThat(OracleDsn.parse("oracle://u:p@db/svc?wallet=/w&wallet password=w%40llet").options().walletPassword())
        .contains("w@llet");
    assertThatThrownBy(() -> OracleDsn.parse("x".repeat(OracleDsn.MAX_LENGTH + 1))).hasMessageContaining("longer");
  }

  @Test
  void nothingThatDescribesADsnShowsItsPassword() {
    OracleDsn d = OracleDsn.parse("oracle://scott:" + NASTY + "@db/svc?wallet password=" + "w%40llet");
    assertThat(List.of(d.toString(), d.describe(), d.jdbcUrl(), d.options().toString()))
        .allSatisfy(s -> assertThat(s).doesNotContain(NASTY).doesNotContain("w@llet").doesNotContain("p@ss"));
    assertThat(new OracleSettings(d, 3, 0, Duration.ofSeconds(2), Duration.ofSeconds(5)).toString())
        .doesNotContain(NASTY).doesNotContain("p@ss");
    assertThat(Optional.of(d).toString()).doesNotContain("p@ss");
  }
}
