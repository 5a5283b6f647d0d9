package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import dev.exportersuite.core.jdbc.JdbcConnectionSection;
import dev.exportersuite.core.testing.FuzzText;
import dev.exportersuite.core.testing.HangGuard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Coverage-guided (Jazzer): any {@code /probe?target=} either selects settings whose endpoint the driver reads
 * exactly as we do, or is refused with a bounded one-line message (the HTTP 400 body). The oracle is
 * Connector/J's own URL parser: for every TCP target we accept, the driver sees one host, that host and port, and
 * no more properties than for a plain {@code localhost:3306}; a socket target round-trips through its text.
 */
class EndpointFuzzTest {

  private static final Map<String, String> BASELINE = ConnectionUrl
      .getConnectionUrlInstance("jdbc:mysql://localhost:3306/", new Properties()).getMainHost().getHostProperties();
  private final MysqlProbe probe;

  EndpointFuzzTest() throws Exception {
    MyCnf cnf = MyCnf.parse("fuzz.cnf", List.of("[client]", "user=u", "password=p"));
    probe = new MysqlProbe(new ConnectionSources(Credentials.NONE, Optional.empty(), Optional.of(cnf),
        JdbcConnectionSection.EMPTY, new SessionSettings(2, false), false));
  }

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"(", ")", "=", ",", "/", "?", "&", "#", "@", ":", ";", "[", "]", "%", "%2F", "\\", "'", "\"",
      "..", "::", "host=", "port=", "address=", "allowLoadLocalInfile=true", "autoDeserialize=true",
      "allowMultiQueries=true", "unix://", "unix:///run/mysqld/mysqld.sock", "jdbc:mysql://", "127.0.0.1",
      "[::1]", "3306", "99999", "localhost", "db_1"})
  void theDriverSeesOnlyTheHostAndPortWeAccepted(byte[] bytes) throws Exception {
    String target = FuzzText.utf8(bytes);
    MysqlSettings settings;
    try {
      settings = HangGuard.call(() -> probe.select(Map.of("target", target)));
    } catch (IllegalArgumentException refused) {
      FuzzText.assertRefusalIsOneBoundedLine(refused.getMessage());
      return;
    }
    ServerEndpoint e = settings.endpoint();
    assertThat(ServerEndpoint.parse(e.toString())).isEqualTo(e);
    if (e.socket().isPresent()) {
      return;
    }
    ConnectionUrl url = ConnectionUrl.getConnectionUrlInstance(e.jdbcUrl(), new Properties());
    List<HostInfo> hosts = url.getHostsList();
    assertThat(hosts).hasSize(1);
    assertThat(hosts.get(0).getHost()).isIn(e.address().host(), "[" + e.address().host() + "]");
    assertThat(hosts.get(0).getPort()).isEqualTo(e.address().port());
    assertThat(hosts.get(0).getHostProperties()).isEqualTo(BASELINE);
  }
}
