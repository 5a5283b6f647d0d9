package dev.exportersuite.core.example;

import dev.exportersuite.core.cli.ExporterCommand;
import dev.exportersuite.core.cli.ModuleInfo;
import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfig;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.RequestParser;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The smallest complete datastore module, and the example docs/architecture.md walks through. Its "datastore"
 * is a map of queue name to depth held in memory; its request language is {@code DEPTH <queue>} or
 * {@code DEPTHS}. A real module differs only in what its executor talks to.
 */
@Command(name = "example-exporter")
public class ExampleExporter extends ExporterCommand<ExampleExporter.Section, ExampleExporter.QueueRequest> {

  /** 1. The parsed request: a record, so that equal requests share one round trip. */
  public record QueueRequest(Optional<String> queue) {

    /** 2. The request language, run when metrics files load: mistakes are reported with file:line. */
    static QueueRequest parse(String text) throws InvalidRequestException {
      String[] words = text.strip().split("\\s+");
      if (words.length == 1 && words[0].equals("DEPTHS")) {
        return new QueueRequest(Optional.empty());
      }
      if (words.length == 2 && words[0].equals("DEPTH")) {
        return new QueueRequest(Optional.of(words[1]));
      }
      throw new InvalidRequestException("write DEPTH <queue> or DEPTHS", words[0]);
    }
  }

  /** 3. The executor: a liveness check and one request's rows. */
  static final class QueueExecutor implements RequestExecutor<QueueRequest> {
    private final Map<String, Double> queues;

    QueueExecutor(Map<String, Double> queues) {
      this.queues = queues;
    }

    @Override
    public void ping(Duration timeout) {
      // always up: the map is in memory
    }

    @Override
    public List<Row> fetch(QueueRequest request, Duration timeout) {
      return queues.entrySet().stream()
          .filter(e -> request.queue().map(e.getKey()::equals).orElse(true))
          .map(e -> Row.of("queue", e.getKey(), "depth", e.getValue()))
          .toList();
    }

    @Override
    public void close() {}
  }

  /** 4. The resolved connection: what --check-config prints, and how to open the executor. */
  record Queues(Map<String, Double> depths) implements ResolvedConnection<QueueRequest> {
    @Override
    public String describe() {
      return depths.size() + " in-memory queues";
    }

    @Override
    public RequestExecutor<QueueRequest> open() {
      return new QueueExecutor(depths);
    }
  }

  /** The module's part of the config file (this one has none of its own). */
  record Section() {}

  @Option(names = "--queues", split = ",", description = "name=depth pairs")
  Map<String, Double> queues = Map.of();

  @Override
  protected ModuleInfo info() {
    return new ModuleInfo("queue", "queue_exporter", "Queue exporter", 9999, List.of(),
        SelfMetricsSpec.standard());
  }

  @Override
  protected ExporterConfigReader.ModuleSection<Section> configSection() {
    return ExporterConfigReader.ModuleSection.mapping("queues", new Section(), m -> new Section());
  }

  @Override
  protected RequestParser<QueueRequest> requestParser() {
    return QueueRequest::parse;
  }

  /** 5. The module, built once from flags and config; no network here. */
  @Override
  protected Datastore<QueueRequest> datastore(ExporterConfig<Section> config) throws ConfigException {
    if (queues.isEmpty()) {
      throw new ConfigException("command line", 0, "--queues", "name at least one queue: --queues=a=1");
    }
    return Datastore.of(new Queues(Map.copyOf(queues)));
  }
}
