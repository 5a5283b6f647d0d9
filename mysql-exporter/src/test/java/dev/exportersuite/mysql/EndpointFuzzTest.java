package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import dev.exportersuite.core.testing.TargetFuzz;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The oracle is Connector/J's own URL parser: for every address our grammar accepts, the driver must see exactly
 * one host, that host and port, and no more properties than it sees for a plain {@code localhost:3306}.
 */
class EndpointFuzzTest {

  @Test
  void theDriverSeesOnlyTheHostAndPortWeAccepted() {
    ConnectionUrl plain = ConnectionUrl.getConnectionUrlInstance("jdbc:mysql://localhost:3306/", new Properties());
    var baseline = plain.getMainHost().getHostProperties();
    TargetFuzz.run(3306L, 50_000, 10_000, List.of("db:3306", "127.0.0.1:3399", "[::1]:3306",
        "unix:///run/mysqld/mysqld.sock", "(host=127.0.0.1,port=3399,allowLoadLocalInfile=true),x:3306",
        "127.0.0.1/?autoDeserialize=true&x=", "address=(host=a)(port=1)"), text -> {
          ServerEndpoint e;
          try {
            e = ServerEndpoint.parse(text);
          } catch (IllegalArgumentException refused) {
            return;
          }
          ConnectionUrl url = ConnectionUrl.getConnectionUrlInstance(e.jdbcUrl(), new Properties());
          List<HostInfo> hosts = url.getHostsList();
          assertThat(hosts).hasSize(1);
          assertThat(hosts.get(0).getHost()).isIn(e.address().host(), "[" + e.address().host() + "]");
          assertThat(hosts.get(0).getPort()).isEqualTo(e.address().port());
          assertThat(hosts.get(0).getHostProperties()).isEqualTo(baseline);
        });
  }
}
