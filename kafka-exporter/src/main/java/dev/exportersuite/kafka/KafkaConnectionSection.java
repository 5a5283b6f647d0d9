package dev.exportersuite.kafka;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.YamlMapping;
import java.util.List;

/**
 * The {@code connection:} section of the config file; {@code --kafka.server} wins over it.
 *
 * <pre>
 * connection:
 *   servers: [kafka-1:9092, kafka-2:9092]
 * </pre>
 *
 * @param servers bootstrap addresses, {@code host:port}
 */
record KafkaConnectionSection(List<String> servers) {

  static final KafkaConnectionSection EMPTY = new KafkaConnectionSection(List.of());

  KafkaConnectionSection {
    servers = List.copyOf(servers);
  }

  static ExporterConfigReader.ModuleSection<KafkaConnectionSection> section() {
    return ExporterConfigReader.ModuleSection.mapping("connection", EMPTY, KafkaConnectionSection::parse);
  }

  static KafkaConnectionSection parse(YamlMapping c) throws ConfigException {
    c.expect(List.of("servers"));
    List<String> servers = c.stringList("servers");
    for (String s : servers) {
      try {
        KafkaServers.parse(s);
      } catch (IllegalArgumentException e) {
        throw c.error("servers", e.getMessage());
      }
    }
    c.finish();
    return new KafkaConnectionSection(servers);
  }
}
