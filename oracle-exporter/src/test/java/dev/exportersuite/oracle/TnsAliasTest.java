package dev.exportersuite.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.ExporterJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections given as a TNS alias: Oracle's exporter's {@code tnsAdmin} with {@code url: ALIAS}, and
 * oracledb_exporter's {@code user/password@ALIAS} with {@code TNS_ADMIN}. The alias becomes the descriptor its
 * tnsnames.ora gives, checked by the same grammar as a descriptor in a DSN; the last test shows the real driver
 * going where the alias says.
 */
class TnsAliasTest {

  static final String PASSWORD = DsnFormsTest.NASTY;

  @TempDir
  Path dir;

  private Path tnsAdmin(String tnsnames) throws Exception {
    Path admin = Files.createDirectories(dir.resolve("network/admin"));
    Files.writeString(admin.resolve("tnsnames.ora"), tnsnames);
    return admin;
  }

  private static final String TNSNAMES = """
      # the team's databases
      TEAMDB, TEAMDB.WORLD =
        (DESCRIPTION =
          (ADDRESS = (PROTOCOL = TCP)(HOST = db1.example.com)(PORT = 1522))
          # the standby answers when the primary does not
          (ADDRESS = (PROTOCOL = TCP)(HOST = db2.example.com)(PORT = 1522))
          (CONNECT_DATA = (SERVICE_NAME = teampdb))
        )

      reports=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=reports.example.com)(PORT=1521))(CONNECT_DATA=(SID=REP)))
      """;

  @Test
  void aDatabasesFileAliasBecomesItsDescriptor() throws Exception {
    Path admin = tnsAdmin(TNSNAMES);
    Path config = Files.writeString(dir.resolve("config.yaml"), """
        databases:
          team:
            username: monitor
            password: x
            tnsAdmin: %s
            url: teamdb.world
          reports:
            username: monitor
            password: x
            tnsAdmin: %s
            url: REPORTS
        """.formatted(admin, admin));
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of()), "--check-config", "--config.file",
        config.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("connection: team: db1.example.com:1522/teampdb (+1 more host) (connect "
        + "descriptor) as monitor").contains("connection: reports: reports.example.com:1521/REP (connect descriptor)");
  }

  @Test
  void aWrongAliasOrABrokenFileIsAnErrorAtTheUrlWithTheFile() throws Exception {
    Path admin = tnsAdmin(TNSNAMES);
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("tnsnames.ora"), "# ok\nA = (DESCRIPTION=(ADDRESS=(HOST=h)(PORT=1))\n");
    Path included = Files.createDirectories(dir.resolve("included"));
    Files.writeString(included.resolve("tnsnames.ora"), "IFILE = /etc/other/tnsnames.ora\n");
    Path config = Files.writeString(dir.resolve("config.yaml"), """
        databases:
          typo:
            username: monitor
            password: x
            tnsAdmin: %s
            url: TEAMBD
          broken:
            username: monitor
            password: x
            tnsAdmin: %s
            url: A
          included:
            username: monitor
            password: x
            tnsAdmin: %s
            url: A
          nofile:
            username: monitor
            password: x
            tnsAdmin: %s
            url: A
        """.formatted(admin, broken, included, dir.resolve("nowhere")));
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of()), "--check-config", "--config.file",
        config.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).anySatisfy(l -> assertThat(l).contains(config + ":6: databases.typo.url: the "
            + "alias 'TEAMBD' is not in " + admin.resolve("tnsnames.ora") + " (it has 3 aliases)"))
        .anySatisfy(l -> assertThat(l).contains(":11: databases.broken.url: " + broken.resolve("tnsnames.ora")
            + ":2: a '(' opened here is never closed"))
        .anySatisfy(l -> assertThat(l).contains(":16: databases.included.url: ").contains("IFILE includes are not "
            + "followed"))
        .anySatisfy(l -> assertThat(l).contains(":21: databases.nofile.url: there is no tnsnames.ora in "));
  }

  @Test
  void aDsnAliasIsLookedUpInTnsAdminAndOtherwiseExplained() throws Exception {
    Path admin = tnsAdmin(TNSNAMES);
    CommandRun.Result r = CommandRun.run(new OracleExporter(Map.of("DATA_SOURCE_NAME", "monitor/" + PASSWORD
        + "@TeamDB", "TNS_ADMIN", admin.toString())), "--check-config");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("connection: db1.example.com:1522/teampdb (+1 more host) (connect descriptor) "
        + "as monitor");
    CommandRun.Result without = CommandRun.run(new OracleExporter(Map.of("DATA_SOURCE_NAME", "monitor/" + PASSWORD
        + "@TeamDB")), "--check-config");
    assertThat(without.exitCode()).isEqualTo(1);
    assertThat(without.stderr()).contains("a TNS alias needs a tnsnames.ora: set TNS_ADMIN");
    assertThat(r.stdout() + r.stderr() + without.stderr()).doesNotContain(PASSWORD);
  }

  /** The real driver, given the alias's descriptor, connects where tnsnames.ora says: to this stand-in listener. */
  @Test
  void theDriverGoesWhereTheAliasSays() throws Exception {
    try (NotOracleListener listener = new NotOracleListener(NotOracleListener.Mode.CLOSE)) {
      Path admin = tnsAdmin("LOCALDB = (DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=127.0.0.1)(PORT=" + listener.port()
          + "))(CONNECT_DATA=(SERVICE_NAME=ORCLPDB1)))\n");
      try (ExporterJvm p = ExporterProcess.serve(Map.of("DATA_SOURCE_NAME", "monitor/" + PASSWORD + "@localdb",
          "TNS_ADMIN", admin.toString()))) {
        assertThat(p.scrapeText("/metrics")).contains("oracledb_up 0");
        assertThat(listener.accepted()).as("the driver reached the alias's address").isPositive();
      }
    }
  }
}
