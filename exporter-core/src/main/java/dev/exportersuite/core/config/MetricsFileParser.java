package dev.exportersuite.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one metrics file (the oracledb_exporter format, plus this engine's additions) into definitions,
 * checking everything that can be checked before the first query runs.
 */
public final class MetricsFileParser {

  static final List<String> TOP_KEYS = List.of("metrics");
  static final List<String> ENTRY_KEYS = List.of(
      "context", "request", "metricsdesc", "labels", "metricstype", "metricsbuckets", "fieldtoappend",
      "ignorezeroresult", "querytimeout", "scrapeinterval", "collector", "enabled", "namerules", "valuemap",
      "skipnonnumeric", "unpivot");
  static final List<String> RULE_KEYS = List.of("match", "name", "labels", "type", "help", "scale", "drop");

  private final String namespace;

  public MetricsFileParser(String namespace) {
    this.namespace = namespace;
  }

  /**
   * Every entry is read on its own: a broken entry is left out and the next one read, so that one exception
   * reports the problems of every entry.
   */
  public List<MetricDefinition> parse(String fileName, Node root) throws ConfigException {
    YamlMapping top = YamlMapping.of(fileName, "", root).expect(TOP_KEYS);
    if (!top.has("metrics")) {
      throw top.missing("metrics");
    }
    List<Node> items = top.list("metrics");
    ConfigErrors errors = new ConfigErrors();
    errors.check(top::finish);
    List<MetricDefinition> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      errors.read(() -> top.item("metrics", index, items.get(index)))
          .flatMap(e -> entry(e, errors))
          .ifPresent(out::add);
    }
    errors.throwIfAny();
    return out;
  }

  /** An entry stops at its first error; an unknown key elsewhere in it is reported with that error. */
  private Optional<MetricDefinition> entry(YamlMapping e, ConfigErrors errors) {
    e.expect(ENTRY_KEYS);
    Optional<MetricDefinition> d = errors.read(() -> parseEntry(e));
    if (d.isEmpty()) {
      errors.check(e::refuseUnknownKeys);
    }
    return d;
  }

  private MetricDefinition parseEntry(YamlMapping e) throws ConfigException {
    String context = e.node("context").isPresent() ? e.string("context").orElse("") : null;
    if (context == null) {
      throw e.missing("context");
    }
    context = context.trim();
    if (!context.isEmpty() && !MetricNames.isValidMetricName(context)) {
      throw e.error("context", "'" + context + "' cannot be part of a metric name: use letters, digits and _");
    }
    String request = e.requiredString("request");
    if (request.isBlank()) {
      throw e.error("request", "the request is empty");
    }
    if (!e.has("metricsdesc")) {
      throw e.missing("metricsdesc");
    }
    Map<String, String> desc = e.stringMap("metricsdesc");
    if (desc.isEmpty()) {
      throw e.error("metricsdesc", "name at least one value column and its help text");
    }
    Optional<String> fieldToAppend = e.string("fieldtoappend").map(s -> s.trim().toLowerCase(Locale.ROOT));
    for (String column : desc.keySet()) {
      String name = MetricNames.join(namespace, context, column);
      if (fieldToAppend.isEmpty() && !MetricNames.isValidMetricName(name)) {
        throw e.error("metricsdesc", "'" + name + "' is not a valid metric name: use letters, digits and _ in '"
            + column + "'");
      }
    }
    List<String> labels = e.stringList("labels");
    for (String label : labels) {
      if (!MetricNames.isValidLabelName(label)) {
        throw e.error("labels", "'" + label + "' is not a valid label name: use letters, digits and _, not "
            + "starting with __");
      }
    }
    Map<String, MetricType> types = parseTypes(e, desc);
    Map<String, Map<String, Double>> buckets = parseBuckets(e, desc, types);
    List<NameRule> rules = parseRules(e);
    if (fieldToAppend.isPresent() && desc.size() != 1) {
      throw e.error("metricsdesc", "with fieldtoappend every column would get the same name: keep exactly one "
          + "value column");
    }
    if (fieldToAppend.isPresent() && types.containsValue(MetricType.HISTOGRAM)) {
      throw e.error("metricstype", "a histogram cannot take its name from fieldtoappend");
    }
    if (fieldToAppend.isEmpty() && !rules.isEmpty()) {
      throw e.error("namerules", "namerules rewrite names taken from fieldtoappend: set fieldtoappend too");
    }
    Map<String, Double> valueMap = new LinkedHashMap<>();
    for (Map.Entry<String, String> v : e.stringMap("valuemap").entrySet()) {
      valueMap.put(v.getKey().toLowerCase(Locale.ROOT), number(e, "valuemap", v.getValue()));
    }
    String collector = e.string("collector").orElse(context.isEmpty() ? "default" : context);
    boolean enabled = e.bool("enabled", true);
    boolean ignoreZero = e.bool("ignorezeroresult", false);
    boolean skipNonNumeric = e.bool("skipnonnumeric", false);
    Optional<Duration> timeout = e.duration("querytimeout");
    Optional<Duration> interval = e.duration("scrapeinterval");
    boolean unpivot = e.bool("unpivot", false);
    if (unpivot && (!fieldToAppend.equals(Optional.of(MetricDefinition.UNPIVOT_NAME))
        || !desc.containsKey(MetricDefinition.UNPIVOT_VALUE))) {
      throw e.error("unpivot", "an unpivoted row holds a column's name in 'column' and its value in 'value': "
          + "set fieldtoappend: column and metricsdesc: {value: <help>}");
    }
    e.finish();
    return new MetricDefinition(collector, enabled, context, request.strip(), desc, labels, types, buckets,
        fieldToAppend, rules, valueMap, skipNonNumeric, ignoreZero, timeout, interval, e.file() + ":" + e.line(),
        unpivot);
  }

  private static Map<String, MetricType> parseTypes(YamlMapping e, Map<String, String> desc) throws ConfigException {
    Map<String, MetricType> types = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : e.stringMap("metricstype").entrySet()) {
      String column = descColumn(e, "metricstype", t.getKey(), desc);
      try {
        types.put(column, MetricType.parse(t.getValue()));
      } catch (IllegalArgumentException ex) {
        throw e.error("metricstype", ex.getMessage());
      }
    }
    return types;
  }

  private static Map<String, Map<String, Double>> parseBuckets(
      YamlMapping e, Map<String, String> desc, Map<String, MetricType> types) throws ConfigException {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    Optional<YamlMapping> all = e.mapping("metricsbuckets");
    if (all.isPresent()) {
      for (String key : all.get().keys()) {
        String column = descColumn(e, "metricsbuckets", key, desc);
        if (types.get(column) != MetricType.HISTOGRAM) {
          throw all.get().error(key, "buckets are only for columns typed histogram in metricstype");
        }
        Map<String, Double> bounds = new LinkedHashMap<>();
        for (Map.Entry<String, String> b : all.get().stringMap(key).entrySet()) {
          bounds.put(b.getKey().toLowerCase(Locale.ROOT), number(all.get(), key, b.getValue()));
        }
        if (bounds.isEmpty()) {
          throw all.get().error(key, "a histogram needs at least one bucket: column name -> upper bound");
        }
        out.put(column, bounds);
      }
    }
    for (Map.Entry<String, MetricType> t : types.entrySet()) {
      if (t.getValue() == MetricType.HISTOGRAM && !out.containsKey(t.getKey())) {
        throw e.error("metricstype", "histogram '" + t.getKey() + "' needs metricsbuckets." + t.getKey()
            + " (bucket column -> upper bound) and a 'count' column in the request");
      }
    }
    return out;
  }

  private List<NameRule> parseRules(YamlMapping e) throws ConfigException {
    List<NameRule> rules = new ArrayList<>();
    for (YamlMapping r : e.mappingList("namerules")) {
      r.expect(RULE_KEYS);
      String regex = r.requiredString("match");
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
      rules.add(new NameRule(pattern, name, labels, type, help, scale, drop, r.file() + ":" + r.line()));
    }
    return rules;
  }

  private static String descColumn(YamlMapping e, String key, String column, Map<String, String> desc)
      throws ConfigException {
    for (String c : desc.keySet()) {
      if (c.equalsIgnoreCase(column)) {
        return c;
      }
    }
    throw e.error(key, "'" + column + "' is not a column of metricsdesc (" + String.join(", ", desc.keySet()) + ")");
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
