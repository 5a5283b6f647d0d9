package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.TcpProxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /probe?target=} as an attacker uses it, against {@link FakeMysqlServer}, a stand-in for a rogue server
 * that asks its client for a file on the client's host.
 */
class ProbeTargetInjectionTest {

  @TempDir
  static Path dir;
  static Path secret;
  static String marker;
  static FakeMysqlServer fake;
  static ExporterJvm exporter;

  @BeforeAll
  static void start() throws Exception {
    marker = "SECRET-" + UUID.randomUUID();
    secret = dir.resolve("secret.txt");
    Files.writeString(secret, marker + "\n");
    fake = new FakeMysqlServer(secret.toString());
    exporter = ExporterProcess.serve(Map.of(), "--mysqld.address=" + MariaDb.ADDRESS, "--mysqld.username=root",
        ExporterProcess.fastFailConfig());
  }

  @AfterAll
  static void stop() throws Exception {
    if (exporter != null) {
      exporter.close();
    }
    fake.close();
  }

  private static Http.Response probe(String target) throws Exception {
    return Http.get(exporter.url("/probe?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)));
  }

  @Test
  void theStandInReallyStealsTheFileFromAClientThatAllowsLocalInfile() throws Exception {
    // Control: without this, "no file received" below would prove nothing about the exporter.
    try (FakeMysqlServer control = new FakeMysqlServer(secret.toString())) {
      Properties p = new Properties();
      p.setProperty("user", "x");
      p.setProperty("password", "y");
      p.setProperty("allowLoadLocalInfile", "true");
      p.setProperty("sslMode", "DISABLED");
      try {
        DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + control.port() + "/", p).close();
      } catch (java.sql.SQLException expected) {
        // the fake answers the driver's setup query with the file request, not a result
      }
      assertThat(control.receivedAfterInfileRequest()).contains(marker);
    }
  }

  @Test
  void everyInjectionFormIsRefusedBeforeAnyConnection() throws Exception {
    // A server of its own: the shared one's pool from another test may still open a connection in the background.
    try (FakeMysqlServer untouched = new FakeMysqlServer(secret.toString())) {
      refusedWithoutConnecting(untouched);
    }
  }

  private void refusedWithoutConnecting(FakeMysqlServer target) throws Exception {
    int port = target.port();
    List<String> attacks = List.of(
        "(host=127.0.0.1,port=" + port + ",allowLoadLocalInfile=true),x:3306",
        "address=(host=127.0.0.1)(port=" + port + ")(allowLoadLocalInfile=true)",
        "127.0.0.1/?autoDeserialize=true&x=",
        "127.0.0.1:" + port + "/?allowLoadLocalInfile=true",
        "127.0.0.1:" + port + "?allowLoadLocalInfile=true",
        "127.0.0.1:" + port + ",127.0.0.1:3306",
        "127.0.0.1:" + port + "#x",
        "127.0.0.1:" + port + ";allowLoadLocalInfile=true",
        "user:pw@127.0.0.1:" + port,
        "jdbc:mysql://127.0.0.1:" + port + "/",
        "mysql://127.0.0.1:" + port,
        "127.0.0.1 :" + port,
        "127.0.0.1:" + port + "\n",
        "[::1%lo]:" + port,
        "::1",
        "127.0.0.1:+" + port,
        "unix:///tmp/../etc/passwd",
        "h".repeat(400) + ":" + port);
    for (String attack : attacks) {
      Http.Response r = probe(attack);
      assertThat(r.status()).as(attack).isEqualTo(400);
      assertThat(r.body()).as(attack).startsWith("bad target: ").doesNotContain("\n\n").hasSizeLessThanOrEqualTo(201);
    }
    assertThat(target.connections()).isZero();
    assertThat(exporter.stderr()).doesNotContain("Exception");
  }

  @Test
  void aRogueServerNamedAsAPlainTargetGetsNoFile() throws Exception {
    Exposition e = Exposition.parse(exporter.scrapeText("/probe?target=127.0.0.1:" + fake.port()));
    assertThat(e.value("mysql_up")).contains(0.0);
    assertThat(fake.connections()).isPositive();
    assertThat(fake.receivedAfterInfileRequest()).doesNotContain(marker);
  }

  @Test
  void plainTargetsStillWork() throws Exception {
    assertThat(Exposition.parse(exporter.scrapeText("/probe?target=" + MariaDb.ADDRESS)).value("mysql_up"))
        .contains(1.0);
    assertThat(Exposition.parse(exporter.scrapeText("/probe?target=localhost:3306")).value("mysql_up"))
        .contains(1.0);
  }

  @Test
  void targetsAreKeyedByWhatSelectsTheConnectionNotByTheQueryString() throws Exception {
    try (TcpProxy proxy = new TcpProxy(MariaDb.HOST, MariaDb.PORT)) {
      String target = "127.0.0.1:" + proxy.port();
      for (int i = 0; i < 20; i++) {
        String extra = i % 2 == 0 ? "&junk=" + i : "&auth_module=client&junk=" + i;
        Http.Response r = Http.get(exporter.url("/probe?target=" + target + extra));
        assertThat(r.status()).isEqualTo(200);
      }
      // Naming the default section resolves to the same settings: one pool of 2, never one per query string;
      // plus the one direct liveness check of the first scrape, while that pool is still empty.
      assertThat(proxy.acceptedConnections()).isBetween(1, 3);
    }
  }
}
