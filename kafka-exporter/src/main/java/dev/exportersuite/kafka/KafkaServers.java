package dev.exportersuite.kafka;

import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.InvalidAddressException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** kafka_exporter's {@code --kafka.server} values: {@code host:port}, repeated, or several separated by commas. */
final class KafkaServers {

  static final int DEFAULT_PORT = 9092;
  /** kafka_exporter's default. */
  static final String DEFAULT = "kafka:9092";

  private KafkaServers() {}

  /** Each address checked and written {@code host:port} (port 9092 when left out), duplicates dropped. */
  static List<String> resolve(List<String> given) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String value : given) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          out.add(parse(part.strip()));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** @throws IllegalArgumentException naming what is wrong with the address */
  static String parse(String address) {
    try {
      return HostPort.parse(address, DEFAULT_PORT).authority();
    } catch (InvalidAddressException e) {
      throw new IllegalArgumentException("'" + address + "' is not host:port: " + e.reason(), e);
    }
  }
}
