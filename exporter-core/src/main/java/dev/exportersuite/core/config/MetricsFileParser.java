package dev.exportersuite.core.config;

import dev.exportersuite.core.rows.RowShapingParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one metrics file (the oracledb_exporter format, plus this engine's additions) into definitions,
 * checking everything that can be checked before the first request runs: the keys and their types here, the
 * request with the module's {@link RequestParser}, the rest with {@link MetricDefinition.Builder}.
 *
 * @param <R> the module's parsed request
 */
public final class MetricsFileParser<R> {

  /** The longest request text: SQL of a few pages is a few KiB. */
  static final int MAX_REQUEST_CHARS = 64 * 1024;

  static final List<String> TOP_KEYS = List.of("metrics");
  static final List<String> ENTRY_KEYS = List.of(
      "context", "request", "metricsdesc", "labels", "metricstype", "metricsbuckets", "fieldtoappend",
      "ignorezeroresult", "querytimeout", "scrapeinterval", "collector", "enabled", "namerules", "valuemap",
      "skipnonnumeric", "rows", "databases");
  static final List<String> RULE_KEYS = List.of("match", "name", "labels", "type", "help", "scale", "drop");

  private final RequestParser<R> requests;

  public MetricsFileParser(RequestParser<R> requests) {
    this.requests = requests;
  }

  /**
   * Every entry is read on its own: a broken entry is left out and the next one read, so that one exception
   * reports the problems of every entry.
   */
  public List<MetricDefinition<R>> parse(String fileName, Node root) throws ConfigException {
    YamlMapping top = YamlMapping.of(fileName, "", root).expect(TOP_KEYS);
    if (!top.has("metrics")) {
      throw top.missing("metrics");
    }
    List<Node> items = top.list("metrics");
    ConfigErrors errors = new ConfigErrors();
    errors.check(top::finish);
    List<MetricDefinition<R>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      errors.read(() -> top.item("metrics", index, items.get(index)))
          .flatMap(e -> entry(e, errors))
          .ifPresent(out::add);
    }
    errors.throwIfAny();
    return out;
  }

  /**
   * Reads every key of an entry, collecting each key's problem; when all keys read, the builder checks how they
   * fit together and reports each of its problems at the key it concerns.
   */
  private Optional<MetricDefinition<R>> entry(YamlMapping e, ConfigErrors errors) {
    e.expect(ENTRY_KEYS);
    ConfigErrors mine = new ConfigErrors();
    MetricDefinition.Builder<R> b = MetricDefinition.builder();
    b.source(new SourceLocation(e.file(), e.line()));
    if (e.node("context").isPresent()) {
      mine.read(() -> e.string("context").orElse("")).ifPresent(b::context);
    } else {
      mine.add(e.missing("context"));
    }
    Optional<R> request = mine.read(() -> request(e));
    request.ifPresent(b::request);
    mine.read(() -> {
      if (!e.has("metricsdesc")) {
        throw e.missing("metricsdesc");
      }
      return e.stringMap("metricsdesc");
    }).ifPresent(desc -> desc.forEach(b::metric));
    mine.read(() -> e.stringList("labels")).ifPresent(b::labels);
    mine.read(() -> types(e)).ifPresent(types -> types.forEach(b::type));
    mine.read(() -> buckets(e)).ifPresent(buckets -> buckets.forEach(b::buckets));
    mine.read(() -> e.string("fieldtoappend")).ifPresent(f -> f.ifPresent(b::fieldToAppend));
    mine.read(() -> rules(e)).ifPresent(rules -> rules.forEach(b::nameRule));
    mine.read(() -> valueMap(e)).ifPresent(map -> map.forEach(b::valueMap));
    mine.read(() -> e.string("collector")).ifPresent(c -> c.ifPresent(b::collector));
    mine.read(() -> e.bool("enabled", true)).ifPresent(b::enabled);
    mine.read(() -> e.bool("ignorezeroresult", false)).ifPresent(b::ignoreZeroResult);
    mine.read(() -> e.bool("skipnonnumeric", false)).ifPresent(b::skipNonNumeric);
    mine.read(() -> e.duration("querytimeout")).ifPresent(t -> t.ifPresent(b::queryTimeout));
    mine.read(() -> e.duration("scrapeinterval")).ifPresent(i -> i.ifPresent(b::scrapeInterval));
    mine.read(() -> RowShapingParser.parse(e)).ifPresent(b::rows);
    // As in Oracle's exporter, databases: [] switches the entry off, while no value (or none at all) means all.
    if (e.node("databases").filter(n -> !(n instanceof ScalarNode s && s.getTag().equals(Tag.NULL))).isPresent()) {
      mine.read(() -> e.stringList("databases")).ifPresent(b::databases);
    }
    if (e.has("unpivot")) {
      e.node("unpivot");
      mine.add(e.error("unpivot", "unpivot is now a row step: write rows: [unpivot: {keep: [<label columns>]}] "
          + "and fieldtoappend: field"));
    }
    boolean allRead = mine.isEmpty();
    mine.check(e::finish);
    Optional<MetricDefinition<R>> built = Optional.empty();
    // Unknown keys do not stop the checks below; a value that did not read would make them misleading.
    if (allRead) {
      try {
        MetricDefinition<R> d = b.build();
        built = mine.isEmpty() ? Optional.of(d) : Optional.empty();
      } catch (InvalidDefinitionException ex) {
        ex.problems().forEach(p -> mine.add(e.error(p.key(), p.problem())));
      }
    }
    mine.problems().forEach(p -> errors.add(new ConfigException(p.file(), p.line(), p.path(), p.problem())));
    return built;
  }

  private R request(YamlMapping e) throws ConfigException {
    String text = e.requiredString("request").strip();
    if (text.length() > MAX_REQUEST_CHARS) {
      throw e.error("request", "the request has " + text.length() + " characters; at most " + MAX_REQUEST_CHARS);
    }
    if (text.isEmpty()) {
      throw e.error("request", "the request is empty");
    }
    try {
      return requests.parse(text);
    } catch (InvalidRequestException ex) {
      throw e.errorInText("request", ex.part(), ex.describe());
    }
  }

  private static Map<String, MetricType> types(YamlMapping e) throws ConfigException {
    Map<String, MetricType> types = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> t : e.stringMap("metricstype").entrySet()) {
      try {
        types.put(t.getKey(), MetricType.parse(t.getValue()));
      } catch (IllegalArgumentException ex) {
        throw e.error("metricstype", ex.getMessage());
      }
    }
    return types;
  }

  private static Map<String, Map<String, Double>> buckets(YamlMapping e) throws ConfigException {
    Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
    Optional<YamlMapping> all = e.mapping("metricsbuckets");
    if (all.isPresent()) {
      for (String key : all.get().keys()) {
        Map<String, Double> bounds = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> bound : all.get().stringMap(key).entrySet()) {
          bounds.put(bound.getKey(), number(all.get(), key, bound.getValue()));
        }
        out.put(key, bounds);
      }
    }
    return out;
  }

  private static Map<String, Double> valueMap(YamlMapping e) throws ConfigException {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> v : e.stringMap("valuemap").entrySet()) {
      out.put(v.getKey(), number(e, "valuemap", v.getValue()));
    }
    return out;
  }

  /** Each rule is read on its own, so that every broken rule is reported. */
  private static List<NameRule> rules(YamlMapping e) throws ConfigException {
    List<NameRule> rules = new ArrayList<>();
    ConfigErrors errors = new ConfigErrors();
    for (YamlMapping r : e.mappingList("namerules")) {
      errors.read(() -> rule(r)).ifPresent(rules::add);
    }
    errors.throwIfAny();
    return rules;
  }

  private static NameRule rule(YamlMapping r) throws ConfigException {
    r.expect(RULE_KEYS);
    String regex = Regexes.bounded(r, "match");
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException ex) {
      throw r.error("match", "not a valid regular expression: " + ex.getDescription());
    }
    String name = r.string("name").orElse("");
    Map<String, String> labels = r.stringMap("labels");
    for (String l : labels.keySet()) {
      if (!MetricNames.isValidLabelName(l)) {
        throw r.error("labels", "'" + l + "' is not a valid label name");
      }
    }
    Optional<MetricType> type;
    try {
      type = r.string("type").map(MetricType::parse);
    } catch (IllegalArgumentException ex) {
      throw r.error("type", ex.getMessage());
    }
    if (type.isPresent() && type.get() == MetricType.HISTOGRAM) {
      throw r.error("type", "a rule cannot make a histogram");
    }
    Optional<String> help = r.string("help");
    double scale = r.string("scale").isPresent() ? number(r, "scale", r.string("scale").get()) : 1.0;
    boolean drop = r.bool("drop", false);
    if (!name.isEmpty() && !name.contains("$") && !MetricNames.isValidMetricName(name)) {
      throw r.error("name", "'" + name + "' is not a valid metric name");
    }
    r.finish();
    return new NameRule(pattern, name, labels, type, help, scale, drop, new SourceLocation(r.file(), r.line()));
  }

  private static double number(YamlMapping e, String key, String text) throws ConfigException {
    String t = text.trim();
    if (t.equalsIgnoreCase("+Inf") || t.equalsIgnoreCase("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException ex) {
      throw e.error(key, "expected a number, found '" + text + "'");
    }
  }
}
