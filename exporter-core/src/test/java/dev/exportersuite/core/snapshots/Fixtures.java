package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.collect.CollectionResult;
import dev.exportersuite.core.collect.DefinitionResult;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.RunningExporter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Collections built by hand, and snapshots as a scraper reads them: no engine, no datastore. */
final class Fixtures {

  private Fixtures() {}

  /** The definitions of a metrics file, parsed as the exporter does. */
  static List<MetricDefinition<String>> definitions(String namespace, String yaml) {
    try {
      return RunningExporter.parse(RunningExporter.TEXT, yaml);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static DefinitionResult ok(MetricDefinition<?> d, Duration took, Row... rows) {
    return new DefinitionResult(d, List.of(rows), Optional.empty(), took, false);
  }

  static DefinitionResult ok(MetricDefinition<?> d, Row... rows) {
    return ok(d, Duration.ofMillis(5), rows);
  }

  static DefinitionResult failed(MetricDefinition<?> d, String error) {
    return new DefinitionResult(d, List.of(), Optional.of(error), Duration.ofMillis(7), false);
  }

  static CollectionResult up(Instant at, DefinitionResult... results) {
    return new CollectionResult(true, Optional.empty(), List.of(results), at, Duration.ofMillis(20),
        Duration.ofMillis(2));
  }

  static CollectionResult up(DefinitionResult... results) {
    return up(Instant.now(), results);
  }

  static CollectionResult down(String why) {
    return new CollectionResult(false, Optional.of(why), List.of(), Instant.now(), Duration.ofMillis(3),
        Duration.ofMillis(3));
  }

  static String text(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.builder().build().write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static Exposition parse(MetricSnapshots snapshots) {
    return Exposition.parse(text(snapshots));
  }

  static Exposition parse(Collection<MetricSnapshot> snapshots) {
    return parse(new MetricSnapshots(List.copyOf(snapshots)));
  }
}
