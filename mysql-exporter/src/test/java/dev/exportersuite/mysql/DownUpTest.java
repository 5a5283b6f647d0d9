package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.TcpProxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server goes away and comes back (a relay stops and starts; the shared MariaDB keeps running). */
class DownUpTest {

  @Test
  void upZeroWhileDownThenRecoversOnItsOwn() throws Exception {
    try (TcpProxy proxy = new TcpProxy(MariaDb.HOST, MariaDb.PORT);
        ExporterJvm p = ExporterProcess.serve(Map.of(), "--mysqld.address=127.0.0.1:" + proxy.port(),
            "--mysqld.username=root", ExporterProcess.fastFailConfig())) {
      assertThat(p.scrape().value("mysql_up")).contains(1.0);

      proxy.stop();
      Exposition down = p.scrape();
      assertThat(down.value("mysql_up")).contains(0.0);
      assertThat(down.has("mysql_global_status_uptime")).isFalse();

      proxy.start();
      Optional<Double> up = Optional.empty();
      long deadline = System.nanoTime() + 20_000_000_000L;
      Exposition back = null;
      while (System.nanoTime() < deadline) {
        back = p.scrape();
        up = back.value("mysql_up");
        if (up.equals(Optional.of(1.0))) {
          break;
        }
        Thread.sleep(250);
      }
      assertThat(up).as("mysql_up after the server came back; log: %s", p.stderr()).contains(1.0);
      assertThat(back.has("mysql_global_status_uptime")).isTrue();
    }
  }
}
