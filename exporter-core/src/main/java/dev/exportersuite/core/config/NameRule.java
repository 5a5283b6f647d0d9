package dev.exportersuite.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code namerules}: when a definition takes its metric names from row values
 * ({@code fieldtoappend}), a rule turns a matching value into a chosen metric name, labels taken from the
 * pattern's groups, a type and a scale. This is how {@code Com_select} becomes
 * {@code mysql_global_status_commands_total{command="select"}} without code.
 *
 * @param match full-match pattern applied to the cleaned, lower-case value (e.g. {@code com_(.+)})
 * @param name metric suffix after {@code <namespace>_<context>_}; {@code $1} to {@code $9} stand for the
 *     pattern's groups; empty keeps the cleaned value
 * @param labels label name -> value template ({@code $1} to {@code $9}; named groups are not expanded)
 * @param type the type of the resulting metric, or empty for the column's type
 * @param help the help text, or empty for the column's help
 * @param scale multiplies the value (e.g. 0.000001 for microseconds to seconds)
 * @param drop true: rows that match produce nothing
 * @param source where the rule is, for messages
 */
public record NameRule(
    Pattern match,
    String name,
    Map<String, String> labels,
    Optional<MetricType> type,
    Optional<String> help,
    double scale,
    boolean drop,
    SourceLocation source) {

  public NameRule {
    labels = Map.copyOf(labels);
  }
}
