package dev.exportersuite.core.config;

import dev.exportersuite.core.rows.RowShaping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * One entry of a metrics file's {@code metrics:} list, or a collector a module makes from its flags: a parsed
 * request and how its rows become metrics. Made only by {@link #builder}, which checks everything a metrics file
 * is checked for, so a definition built in code cannot be one a file would have been refused for.
 *
 * <p>Column and label names are lower-cased, as Oracle's exporter does and as rows are
 * ({@link dev.exportersuite.core.collect.Row}): {@code metricsdesc: {Total: ...}} makes {@code <ns>_<context>_total}.
 * The context keeps its spelling, as in both Oracle exporters.
 *
 * @param <R> the module's parsed request
 * @param collector the name used in the {@code collector} label and by switches (defaults to {@code context})
 * @param enabled false for collectors a module ships switched off
 * @param context the middle part of every metric name ({@code <namespace>_<context>_<column>}); may be empty
 * @param request what the module's executor runs, parsed when the file was loaded
 * @param rows steps that reshape the request's rows before they become metrics ({@code rows:})
 * @param ignoreZeroResult true: no rows is not an error ({@code ignorezeroresult})
 * @param databases the connections it runs on, by name ({@code databases}); empty: all of them
 * @param source where the entry is, for messages
 */
public record MetricDefinition<R>(
    String collector,
    boolean enabled,
    String context,
    R request,
    RowShaping rows,
    Metrics metrics,
    Naming naming,
    Values values,
    Timing timing,
    boolean ignoreZeroResult,
    Optional<Set<String>> databases,
    SourceLocation source) {

  /** A request that may take longer than this would outlast any scrape that waits for it. */
  public static final java.time.Duration MAX_QUERY_TIMEOUT = java.time.Duration.ofHours(1);
  /** Results reused for longer than a day would describe yesterday's datastore. */
  public static final java.time.Duration MAX_SCRAPE_INTERVAL = java.time.Duration.ofDays(1);

  /**
   * Which columns become metrics and how.
   *
   * @param help value column (lower-case) -> help text ({@code metricsdesc}); only these become metrics, in order
   * @param labels columns whose values become labels ({@code labels})
   * @param types value column -> type ({@code metricstype}); absent means gauge
   * @param buckets histogram column -> (bucket column -> upper bound) ({@code metricsbuckets})
   */
  public record Metrics(Map<String, String> help, List<String> labels, Map<String, MetricType> types,
      Map<String, Map<String, Double>> buckets) {

    public Metrics {
      help = Collections.unmodifiableMap(new LinkedHashMap<>(help));
      labels = List.copyOf(labels);
      types = Map.copyOf(types);
      buckets = Map.copyOf(buckets);
    }

    public MetricType typeOf(String column) {
      return types.getOrDefault(column.toLowerCase(Locale.ROOT), MetricType.GAUGE);
    }
  }

  /**
   * Names taken from row values.
   *
   * @param fieldToAppend a column whose value replaces the metric suffix ({@code fieldtoappend}), lower-case
   * @param rules rewrite rules for those names ({@code namerules}), first match wins
   */
  public record Naming(Optional<String> fieldToAppend, List<NameRule> rules) {

    public Naming {
      rules = List.copyOf(rules);
    }
  }

  /**
   * How text values are read.
   *
   * @param valueMap non-numeric values (lower-case) that stand for a number, e.g. on -> 1 ({@code valuemap})
   * @param skipNonNumeric true: a value that is not a number is left out instead of being an error
   */
  public record Values(Map<String, Double> valueMap, boolean skipNonNumeric) {

    public Values {
      valueMap = Map.copyOf(valueMap);
    }
  }

  /**
   * When the request runs.
   *
   * @param queryTimeout this request's limit ({@code querytimeout}); empty: the exporter's default
   * @param scrapeInterval empty: run at every scrape; else results are reused for this long ({@code scrapeinterval})
   */
  public record Timing(Optional<Duration> queryTimeout, Optional<Duration> scrapeInterval) {}

  public MetricDefinition {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(naming, "naming");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(source, "source");
    databases = databases.map(Set::copyOf);
  }

  public static <R> Builder<R> builder() {
    return new Builder<>();
  }

  /** The same definition switched on or off (module flags such as {@code --collect.<name>}). */
  public MetricDefinition<R> withEnabled(boolean on) {
    return new MetricDefinition<>(collector, on, context, request, rows, metrics, naming, values, timing,
        ignoreZeroResult, databases, source);
  }

  /** Whether it runs on the connection named {@code name} ({@code databases: []} switches it off everywhere). */
  public boolean runsOn(String name) {
    return databases.map(d -> d.contains(name)).orElse(true);
  }

  /** The same definition with other timing (a module's default {@code scrapeinterval}, e.g. oracle's flag). */
  public MetricDefinition<R> withTiming(Timing other) {
    return new MetricDefinition<>(collector, enabled, context, request, rows, metrics, naming, values, other,
        ignoreZeroResult, databases, source);
  }

  /**
   * Builds a definition and checks it the way a metrics file is checked. {@link #build()} reports every
   * problem at once, each with the metrics-file key it concerns, so that the file parser can point at its line.
   */
  public static final class Builder<R> {

    private R request;
    private String context = "";
    private Optional<String> collector = Optional.empty();
    private boolean enabled = true;
    private RowShaping rows = RowShaping.NONE;
    private final Map<String, String> help = new LinkedHashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final Map<String, MetricType> types = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> buckets = new LinkedHashMap<>();
    private Optional<String> fieldToAppend = Optional.empty();
    private final List<NameRule> rules = new ArrayList<>();
    private final Map<String, Double> valueMap = new LinkedHashMap<>();
    private boolean skipNonNumeric;
    private boolean ignoreZeroResult;
    private Optional<Duration> queryTimeout = Optional.empty();
    private Optional<Duration> scrapeInterval = Optional.empty();
    private Optional<Set<String>> databases = Optional.empty();
    private SourceLocation source;

    private Builder() {}

    /** What the module's executor runs, as its {@link RequestParser} made it. */
    public Builder<R> request(R request) {
      this.request = request;
      return this;
    }

    /** The middle part of the metric names; empty puts them directly under the namespace. */
    public Builder<R> context(String context) {
      this.context = context == null ? "" : context.strip();
      return this;
    }

    /** Defaults to the context, or {@code default} when the context is empty. */
    public Builder<R> collector(String collector) {
      this.collector = Optional.ofNullable(collector).map(String::strip);
      return this;
    }

    public Builder<R> enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder<R> rows(RowShaping rows) {
      this.rows = rows;
      return this;
    }

    /** A value column (any case) and its help text ({@code metricsdesc}); metrics keep the order added. */
    public Builder<R> metric(String column, String helpText) {
      help.put(column.toLowerCase(Locale.ROOT), helpText);
      return this;
    }

    /** Label columns, any case. */
    public Builder<R> labels(List<String> names) {
      names.forEach(n -> labels.add(n.toLowerCase(Locale.ROOT)));
      return this;
    }

    /** {@code column} must be one added with {@link #metric}, in any case. */
    public Builder<R> type(String column, MetricType type) {
      types.put(column, type);
      return this;
    }

    /** The bucket columns (any case) and upper bounds of histogram {@code column}. */
    public Builder<R> buckets(String column, Map<String, Double> bounds) {
      Map<String, Double> lower = new LinkedHashMap<>();
      bounds.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
      buckets.put(column, lower);
      return this;
    }

    public Builder<R> fieldToAppend(String column) {
      this.fieldToAppend = Optional.ofNullable(column).map(c -> c.strip().toLowerCase(Locale.ROOT));
      return this;
    }

    public Builder<R> nameRule(NameRule rule) {
      rules.add(rule);
      return this;
    }

    /** A text value (any case) that stands for {@code number}. */
    public Builder<R> valueMap(String text, double number) {
      valueMap.put(text.toLowerCase(Locale.ROOT), number);
      return this;
    }

    public Builder<R> skipNonNumeric(boolean skip) {
      this.skipNonNumeric = skip;
      return this;
    }

    public Builder<R> ignoreZeroResult(boolean ignore) {
      this.ignoreZeroResult = ignore;
      return this;
    }

    public Builder<R> queryTimeout(Duration timeout) {
      this.queryTimeout = Optional.ofNullable(timeout);
      return this;
    }

    public Builder<R> scrapeInterval(Duration interval) {
      this.scrapeInterval = Optional.ofNullable(interval);
      return this;
    }

    /** The connections it runs on, by name; an empty list switches it off, as in Oracle's exporter. */
    public Builder<R> databases(List<String> names) {
      this.databases = Optional.of(new LinkedHashSet<>(names));
      return this;
    }

    /** Where the definition comes from: a file and line, or the flag that made it. */
    public Builder<R> source(SourceLocation source) {
      this.source = source;
      return this;
    }

    /** @throws InvalidDefinitionException naming every problem and the key it concerns */
    public MetricDefinition<R> build() {
      List<InvalidDefinitionException.Problem> problems = new ArrayList<>();
      if (request == null) {
        problems.add(problem("request", "a definition needs a request"));
      }
      if (source == null) {
        problems.add(problem("source", "say where the definition comes from: a file and line, or the flag"));
      }
      if (!context.isEmpty() && !MetricNames.isValidMetricName(context)) {
        problems.add(problem("context", "'" + context + "' cannot be part of a metric name: use letters, digits "
            + "and _, not starting with a digit"));
      }
      if (help.isEmpty()) {
        problems.add(problem("metricsdesc", "name at least one value column and its help text"));
      }
      if (fieldToAppend.isEmpty()) {
        for (String column : help.keySet()) {
          if (!MetricNames.isValidNamePart(column)) {
            problems.add(problem("metricsdesc", "'" + column + "' cannot be part of a metric name: use letters, "
                + "digits and _"));
          }
        }
      }
      for (String label : labels) {
        if (!MetricNames.isValidLabelName(label)) {
          problems.add(problem("labels", "'" + label + "' is not a valid label name: use letters, digits and _, "
              + "not starting with __"));
        }
      }
      Map<String, MetricType> typed = new LinkedHashMap<>();
      types.forEach((column, type) -> helpColumn("metricstype", column, problems)
          .ifPresent(c -> typed.put(c, type)));
      Map<String, Map<String, Double>> bucketed = new LinkedHashMap<>();
      buckets.forEach((column, bounds) -> helpColumn("metricsbuckets", column, problems).ifPresent(c -> {
        if (typed.get(c) != MetricType.HISTOGRAM) {
          problems.add(problem("metricsbuckets", "'" + column + "': buckets are only for columns typed histogram "
              + "in metricstype"));
        } else if (bounds.isEmpty()) {
          problems.add(problem("metricsbuckets", "'" + column + "': a histogram needs at least one bucket: "
              + "column name -> upper bound"));
        }
        bucketed.put(c, bounds);
      }));
      typed.forEach((column, type) -> {
        if (type == MetricType.HISTOGRAM && !bucketed.containsKey(column)) {
          problems.add(problem("metricstype", "histogram '" + column + "' needs metricsbuckets." + column
              + " (bucket column -> upper bound) and a 'count' column in the request"));
        }
      });
      if (fieldToAppend.isPresent() && help.size() > 1) {
        problems.add(problem("metricsdesc", "with fieldtoappend every column would get the same name: keep "
            + "exactly one value column"));
      }
      if (fieldToAppend.isPresent() && typed.containsValue(MetricType.HISTOGRAM)) {
        problems.add(problem("metricstype", "a histogram cannot take its name from fieldtoappend"));
      }
      if (fieldToAppend.isEmpty() && !rules.isEmpty()) {
        problems.add(problem("namerules", "namerules rewrite names taken from fieldtoappend: set fieldtoappend "
            + "too"));
      }
      if (queryTimeout.isPresent() && (queryTimeout.get().isNegative() || queryTimeout.get().isZero()
          || queryTimeout.get().compareTo(MAX_QUERY_TIMEOUT) > 0)) {
        problems.add(problem("querytimeout", "must be more than 0 and at most " + Durations.format(MAX_QUERY_TIMEOUT)
            + " (got " + Durations.format(queryTimeout.get()) + ")"));
      }
      if (scrapeInterval.isPresent() && (scrapeInterval.get().isNegative()
          || scrapeInterval.get().compareTo(MAX_SCRAPE_INTERVAL) > 0)) {
        problems.add(problem("scrapeinterval", "must be 0 to " + Durations.format(MAX_SCRAPE_INTERVAL) + " (got "
            + Durations.format(scrapeInterval.get()) + ")"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException(problems);
      }
      String name = collector.filter(c -> !c.isEmpty()).orElse(context.isEmpty() ? "default" : context);
      return new MetricDefinition<>(name, enabled, context, request, rows,
          new Metrics(help, labels, typed, bucketed), new Naming(fieldToAppend, rules),
          new Values(valueMap, skipNonNumeric), new Timing(queryTimeout, scrapeInterval), ignoreZeroResult,
          databases, source);
    }

    /** {@code column} as a {@code metricsdesc} key, matched case-insensitively. */
    private Optional<String> helpColumn(String key, String column, List<InvalidDefinitionException.Problem> problems) {
      for (String c : help.keySet()) {
        if (c.equalsIgnoreCase(column)) {
          return Optional.of(c);
        }
      }
      problems.add(problem(key, "'" + column + "' is not a column of metricsdesc (" + String.join(", ",
          help.keySet()) + ")"));
      return Optional.empty();
    }

    private static InvalidDefinitionException.Problem problem(String key, String text) {
      return new InvalidDefinitionException.Problem(key, text);
    }
  }
}
