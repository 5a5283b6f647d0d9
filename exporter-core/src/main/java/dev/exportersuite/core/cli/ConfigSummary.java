package dev.exportersuite.core.cli;

import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricNames;
import dev.exportersuite.core.config.MetricType;
import dev.exportersuite.core.web.WebConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code --check-config}: every definition that was loaded and every metric it will expose. */
final class ConfigSummary {

  private ConfigSummary() {}

  static void print(String configFile, String namespace, List<String> connections, Map<String, String> constLabels,
      WebConfig web, List<? extends MetricDefinition<?>> definitions) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    out.printf("config OK: %s (namespace %s)%n", configFile, namespace);
    connections.forEach(c -> out.printf("connection: %s (not opened)%n", c));
    if (!constLabels.isEmpty()) {
      out.printf("static labels: %s%n", constLabels);
    }
    out.printf("web: %s (%s)%n", web.describe(), web.source());
    out.printf("%d definitions, %d enabled%n", definitions.size(),
        definitions.stream().filter(d -> d.enabled()).count());
    for (MetricDefinition<?> d : definitions) {
      out.printf("  %-32s %-8s %s%s%n", d.collector(), d.enabled() ? "enabled" : "off", d.source(),
          d.timing().scrapeInterval().map(i -> " every " + i.toSeconds() + "s").orElse(""));
      for (String column : d.metrics().help().keySet()) {
        // Names taken from row values are only known at scrape time.
        String name = d.naming().fieldToAppend().isPresent()
            ? MetricNames.join(namespace, d.context(), "<" + d.naming().fieldToAppend().get() + ">")
            : MetricNames.join(namespace, d.context(), column);
        MetricType type = d.metrics().typeOf(column);
        out.printf("      %s %s%s%n", type.word(), MetricNames.exposed(name, type),
            d.metrics().labels().isEmpty() ? "" : " " + d.metrics().labels());
      }
    }
  }
}
