package dev.exportersuite.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a metrics file's {@code metrics:} list: a request and how its rows become metrics.
 * Column names are stored lower-case; rows are matched case-insensitively.
 *
 * @param collector the name used in the {@code collector} label and by switches (defaults to {@code context})
 * @param enabled false for collectors a module ships switched off
 * @param context the middle part of every metric name ({@code <namespace>_<context>_<column>}); may be empty
 * @param request passed as-is to the datastore's executor
 * @param metricsdesc value column -> help text; only these columns become metrics
 * @param labels columns whose values become labels
 * @param metricstype value column -> type
 * @param metricsbuckets histogram column -> (bucket column -> upper bound)
 * @param fieldtoappend a column whose value replaces the metric suffix
 * @param namerules rewrite rules for names taken from {@code fieldtoappend}
 * @param valuemap non-numeric values (case-insensitive) that stand for a number, e.g. ON -> 1
 * @param skipnonnumeric true: a value that is not a number is left out instead of being an error
 * @param ignorezeroresult true: no rows is not an error
 * @param querytimeout empty: the exporter's default
 * @param scrapeinterval empty: run at every scrape; else results are reused for this long
 * @param source {@code file:line} of the entry, for messages
 * @param unpivot true: each row first becomes one row per non-label column, holding the column's name in
 *     {@code column} and its value in {@code value} (for wide results such as {@code SHOW SLAVE STATUS});
 *     label columns the result lacks are empty, since servers of one family differ in their columns
 */
public record MetricDefinition(
    String collector,
    boolean enabled,
    String context,
    String request,
    Map<String, String> metricsdesc,
    List<String> labels,
    Map<String, MetricType> metricstype,
    Map<String, Map<String, Double>> metricsbuckets,
    Optional<String> fieldtoappend,
    List<NameRule> namerules,
    Map<String, Double> valuemap,
    boolean skipnonnumeric,
    boolean ignorezeroresult,
    Optional<Duration> querytimeout,
    Optional<Duration> scrapeinterval,
    String source,
    boolean unpivot) {

  /** The names of the two columns an unpivoted row has besides its labels. */
  public static final String UNPIVOT_NAME = "column";
  public static final String UNPIVOT_VALUE = "value";

  public MetricDefinition {
    metricsdesc = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metricsdesc));
    labels = List.copyOf(labels);
    metricstype = Map.copyOf(metricstype);
    metricsbuckets = Map.copyOf(metricsbuckets);
    namerules = List.copyOf(namerules);
    valuemap = Map.copyOf(valuemap);
  }

  /** The same definition switched on or off (module flags such as {@code --collect.<name>}). */
  public MetricDefinition withEnabled(boolean on) {
    return new MetricDefinition(collector, on, context, request, metricsdesc, labels, metricstype, metricsbuckets,
        fieldtoappend, namerules, valuemap, skipnonnumeric, ignorezeroresult, querytimeout, scrapeinterval, source,
        unpivot);
  }

  public MetricType typeOf(String column) {
    return metricstype.getOrDefault(column, MetricType.GAUGE);
  }

  public String file() {
    int colon = source.lastIndexOf(':');
    return colon < 0 ? source : source.substring(0, colon);
  }

  /** The entry's 1-based line in {@link #file()}, or 0 for a definition made from flags rather than a file. */
  public int line() {
    int colon = source.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(source.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
