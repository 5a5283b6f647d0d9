package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's first command on this machine: scripts/first-run.sh brings up MariaDB, Redis, a Kafka broker and
 * Prometheus, starts three exporters with the example team files, and (with --smoke) stops once Prometheus sees
 * all three up against their datastores.
 */
class FirstRunScriptTest {

  @Test
  void theWholeSuiteComesUpAndStopsAgain() throws Exception {
    Tools.Result r = Tools.run(Duration.ofMinutes(5), Repo.root(), "scripts/first-run.sh", "--smoke");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("The suite is running").contains("mysql-exporter  http://127.0.0.1:")
        .contains("redis-exporter  http://127.0.0.1:").contains("kafka-exporter  http://127.0.0.1:")
        .contains("first-run: smoke run: all up, stopping");
    Tools.Result left = Tools.run(Duration.ofSeconds(10), "pgrep", "-f", "dev.exportersuite.kafka.DemoKafka");
    assertThat(left.exitCode()).as("the demo broker is stopped: " + left.output()).isEqualTo(1);
  }
}
