package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import dev.exportersuite.core.testing.ExporterJvm;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** multi_target.allow: /probe connects only to the targets the config names; anything else is a 400. */
class ProbeAllowListTest {

  @TempDir
  Path dir;

  @Test
  void onlyAllowedTargetsAreProbed() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), """
        multi_target:
          allow: ["127.0.0.1:3306", "10.0.0.0/8"]
        """);
    try (ExporterJvm p = ExporterProcess.serve(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=root", "--config.file=" + config)) {
      assertThat(Exposition.parse(p.scrapeText("/probe?target=127.0.0.1:3306")).value("mysql_up")).contains(1.0);
      for (String refused : new String[] {"localhost:3306", "127.0.0.1:3307", "192.168.0.1:3306"}) {
        Http.Response r = Http.get(p.url("/probe?target=" + refused));
        assertThat(r.status()).as(refused).isEqualTo(400);
        assertThat(r.body()).as(refused).contains("target not allowed");
      }
      assertThat(p.stderr()).contains("/probe connects only to: 127.0.0.1:3306, 10.0.0.0/8");
    }
  }

  @Test
  void withoutAnAllowListTheStartLogSaysThatAnyTargetIsOpen() throws Exception {
    try (ExporterJvm p = ExporterProcess.serve(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS,
        "--mysqld.username=root")) {
      assertThat(p.stderr().split("connects to any target a caller names", -1)).hasSize(2);
    }
  }

  @Test
  void aBadRuleIsAConfigErrorWithItsLine() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), """
        multi_target:
          allow:
            - 10.0.0.0/40
        """);
    CommandRun.Result r = CommandRun.run(new MysqlExporter(), "--check-config", "--config.file=" + config);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains(config + ":3: multi_target.allow: [0] '10.0.0.0/40': the prefix length is 0 "
        + "to 32");
  }
}
