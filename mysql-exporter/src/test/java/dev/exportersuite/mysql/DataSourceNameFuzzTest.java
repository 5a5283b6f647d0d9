package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import dev.exportersuite.core.testing.FuzzText;
import dev.exportersuite.core.testing.HangGuard;
import java.util.List;
import java.util.Properties;

/**
 * Coverage-guided (Jazzer): any {@code DATA_SOURCE_NAME} either parses into user, password and endpoint that
 * write back to the same DSN, with a TCP endpoint the driver reads as the same host and port; or is refused with
 * an {@link IllegalArgumentException} in one bounded line that never shows the password ({@code PW} in the input
 * stands for one, see {@link FuzzText#PASSWORD_MARK}).
 */
class DataSourceNameFuzzTest {

  @FuzzTest(maxDuration = "5s")
  @DictionaryEntries({"PW", "@", ":", "/", "(", ")", "tcp(", "unix(", "tcp", "unix", "?", "&", "=", ",", "[::1]",
      "127.0.0.1:3306", "/run/mysqld/mysqld.sock", "allowLoadLocalInfile=true", "tls=true", " "})
  void parsesToWhatItWritesBackOrRefusesWithoutThePassword(byte[] bytes) throws Exception {
    String dsn = FuzzText.withPasswords(bytes);
    DataSourceName d;
    try {
      d = HangGuard.call(() -> DataSourceName.parse(dsn));
    } catch (IllegalArgumentException refused) {
      FuzzText.assertRefusalHidesPasswords(refused.getMessage());
      return;
    }
    assertThat(d.toString()).contains(", password=" + (d.password().isPresent() ? "***" : "") + ", endpoint=");
    assertThat(DataSourceName.parse(written(d))).isEqualTo(d);
    if (d.endpoint().isPresent() && d.endpoint().get().socket().isEmpty()) {
      ServerEndpoint e = d.endpoint().get();
      List<HostInfo> hosts = ConnectionUrl.getConnectionUrlInstance(e.jdbcUrl(), new Properties()).getHostsList();
      assertThat(hosts).hasSize(1);
      assertThat(hosts.get(0).getHost()).isIn(e.address().host(), "[" + e.address().host() + "]");
      assertThat(hosts.get(0).getPort()).isEqualTo(e.address().port());
    }
  }

  /** The DSN in its plainest form. */
  private static String written(DataSourceName d) {
    String credentials = d.user().orElse("") + d.password().map(p -> ":" + p).orElse("");
    String address = d.endpoint().map(e -> e.socket().map(s -> "unix(" + s + ")")
        .orElseGet(() -> "tcp(" + e.address().authority() + ")")).orElse("");
    return (credentials.isEmpty() && address.isEmpty() ? "" : credentials + "@" + address) + "/";
  }
}
