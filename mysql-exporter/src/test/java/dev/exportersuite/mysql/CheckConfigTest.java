package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --check-config resolves the connection (files, flags, credentials) as a real start does, without the network. */
class CheckConfigTest {

  @TempDir
  Path dir;

  @Test
  void aMissingOptionFileFailsTheCheck() {
    CommandRun.Result r = CommandRun.run(new MysqlExporter(), "--check-config",
        "--config.my-cnf=" + dir.resolve("nonexistent.cnf"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("nonexistent.cnf").contains("no such file");
  }

  @Test
  void aBadAddressOrAForbiddenDriverPropertyFailsTheCheck() throws Exception {
    assertThat(CommandRun.run(new MysqlExporter(), "--check-config", "--mysqld.address=db/?x=1").stderr())
        .contains("--mysqld.address");
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "connection:\n  properties:\n    allowLoadLocalInfile: \"true\"\n");
    CommandRun.Result r = CommandRun.run(new MysqlExporter(), "--check-config", "--config.file=" + config);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("connection.properties").contains("allowLoadLocalInfile");
  }

  @Test
  void aGoodConfigPrintsTheConnectionItWouldOpen() {
    CommandRun.Result r = CommandRun.run(new MysqlExporter(), "--check-config", "--mysqld.address=db-1:3307",
        "--mysqld.username=exporter:s3cret");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("connection: db-1:3307 as exporter (not opened)").doesNotContain("s3cret");
  }

  @Test
  void metricsFileAndConnectionProblemsAreReportedTogether() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "metrics:\n  - context: x\n    request: SELECT 1\n    metricdesc: {v: h}\n");
    CommandRun.Result r = CommandRun.run(new MysqlExporter(), "--check-config", "--custom.metrics=" + bad,
        "--config.my-cnf=" + dir.resolve("nonexistent.cnf"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("bad.yaml:4").contains("nonexistent.cnf");
  }
}
