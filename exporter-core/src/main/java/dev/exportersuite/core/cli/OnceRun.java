package dev.exportersuite.core.cli;

import dev.exportersuite.core.snapshots.CollectorStatus;
import dev.exportersuite.core.snapshots.ScrapeStatus;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code --once}: one collection, its exposition on stdout, every failure on stderr, and an exit code. */
final class OnceRun {

  private OnceRun() {}

  /** @return 0 when the datastore answered and every collector succeeded, else 1 */
  static int print(PrometheusRegistry registry, ScrapeStatus collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.builder().build().write(out, registry.scrape());
    System.out.print(out.toString(StandardCharsets.UTF_8));
    System.out.flush();
    int failures = 0;
    Optional<String> down = collector.connectionError();
    if (down.isPresent()) {
      System.err.println("error: the datastore is unreachable: " + down.get());
      failures++;
    }
    for (CollectorStatus s : collector.status()) {
      if (s.lastError().isPresent()) {
        System.err.println("error: collector '" + s.collector() + "' (" + s.source() + "): " + s.lastError().get());
        failures++;
      }
    }
    return failures == 0 ? 0 : 1;
  }
}
