package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.FreePort;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The image's HEALTHCHECK script ({@code scripts/healthcheck.sh}, which the Dockerfile copies and runs) against the
 * live stack's exporters: healthy on plain HTTP and on the TLS, basic-auth port of {@link SecureExporter}, so that a
 * container with a web config is not reported unhealthy; unhealthy when nothing listens or the process hangs.
 */
@ExtendWith(LiveStack.Extension.class)
class HealthcheckScriptTest {

  private static int check(int port) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", Repo.path("scripts/healthcheck.sh").toString());
    pb.environment().put("EXPORTER_PORT", Integer.toString(port));
    Process run = pb.redirectErrorStream(true).start();
    assertThat(run.waitFor(10, TimeUnit.SECONDS)).as("the check ends within its own 4 s").isTrue();
    return run.exitValue();
  }

  private static int portOf(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    return Integer.parseInt(rest.substring(rest.indexOf(':') + 1, rest.indexOf('/')));
  }

  @Test
  void healthyOnPlainHttpAndBehindTlsWithBasicAuth(LiveStack stack) throws Exception {
    assertThat(check(portOf(stack.exporterUrl("redis-exporter", "/")))).isZero();
    String secure = stack.secure().address();
    assertThat(check(Integer.parseInt(secure.substring(secure.lastIndexOf(':') + 1)))).isZero();
  }

  @Test
  void unhealthyWhenNothingListensOrTheProcessDoesNotAnswer() throws Exception {
    assertThat(check(FreePort.pick())).isEqualTo(1);
    List<Socket> held = new ArrayList<>();
    try (ServerSocket hung = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(hung.accept()); // accepts, never answers: a hung JVM's port
          }
        } catch (Exception closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      assertThat(check(hung.getLocalPort())).isEqualTo(1);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
