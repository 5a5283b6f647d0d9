package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricNames;
import dev.exportersuite.core.config.MetricType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the rows of one definition into metric families. A problem with one metric (a missing column, text
 * where a number belongs, two rows with the same labels) drops that metric and is reported; the definition's
 * other metrics are kept.
 */
public final class RowConverter {

  private static final Logger LOG = LoggerFactory.getLogger(RowConverter.class);

  private final MetricDefinition<?> definition;
  private final String namespace;
  private final NameResolver names;
  private final Map<String, AtomicLong> truncated = new ConcurrentHashMap<>();
  private final LabelCache labels = new LabelCache();
  private final MetadataCache metadata = new MetadataCache();

  public RowConverter(MetricDefinition<?> definition, String namespace) {
    this.definition = definition;
    this.namespace = namespace;
    this.names = new NameResolver(definition, namespace);
  }

  public MetricDefinition<?> definition() {
    return definition;
  }

  /** The label sets of this definition's families, kept from one conversion to the next. */
  LabelCache labelCache() {
    return labels;
  }

  /** The metadata of this definition's families, kept from one conversion to the next. */
  MetadataCache metadataCache() {
    return metadata;
  }

  public Converted convert(List<Row> result) {
    labels.nextConversion();
    metadata.nextConversion();
    List<Row> rows = result;
    List<String> errors = new ArrayList<>();
    List<FamilyBuilder> families = definition.naming().fieldToAppend().isPresent()
        ? byRowValue(rows, errors)
        : byColumn(rows, errors);
    return new Converted(List.copyOf(families), List.copyOf(errors));
  }

  /** The classic form: one family per metricsdesc column. */
  private List<FamilyBuilder> byColumn(List<Row> rows, List<String> errors) {
    List<FamilyBuilder> out = new ArrayList<>();
    // A row's label values are read once for all its metrics (a Kafka partition row has seven).
    List<Object> labelsOfRows = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        labelsOfRows.add(List.copyOf(labelValues(rows.get(i), i)));
      } catch (SampleException e) {
        labelsOfRows.add(e);
      }
    }
    for (Map.Entry<String, String> column : definition.metrics().help().entrySet()) {
      String name = MetricNames.join(namespace, definition.context(), column.getKey());
      MetricType type = definition.metrics().typeOf(column.getKey());
      FamilyBuilder family = new FamilyBuilder(name, type, column.getValue(), definition.metrics().labels());
      try {
        for (int i = 0; i < rows.size(); i++) {
          Row row = rows.get(i);
          List<String> labelValues = labelsOf(labelsOfRows.get(i));
          if (type == MetricType.HISTOGRAM) {
            addHistogram(family, column.getKey(), row, i, labelValues);
          } else {
            OptionalDouble value;
            try {
              value = value(row, column.getKey(), i);
            } catch (SkipValue e) {
              continue;
            }
            if (value.isPresent()) {
              family.add(labelValues, i, value.getAsDouble());
            }
          }
        }
        out.add(family);
      } catch (SampleException e) {
        errors.add(name + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** {@code fieldtoappend}: each row's value of that column names its metric, rewritten by the namerules. */
  private List<FamilyBuilder> byRowValue(List<Row> rows, List<String> errors) {
    String valueColumn = definition.metrics().help().keySet().iterator().next();
    String field = definition.naming().fieldToAppend().orElseThrow();
    Map<String, FamilyBuilder> families = new LinkedHashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (!row.has(field)) {
        errors.add(definition.collector() + ": column '" + field + "' (fieldtoappend) is not in the result; "
            + "columns are " + row.columns());
        return List.of();
      }
      Object key = row.get(field);
      if (key == null) {
        continue;
      }
      NameResolver.Naming target = names.resolve(ValueReader.label(key));
      if (target == null || failed.containsKey(target.name())) {
        continue;
      }
      try {
        OptionalDouble value = value(row, valueColumn, i);
        if (value.isEmpty()) {
          continue;
        }
        List<String> labelValues = new ArrayList<>(labelValues(row, i));
        labelValues.addAll(target.labelValues());
        FamilyBuilder family = families.computeIfAbsent(target.name(),
            n -> new FamilyBuilder(n, target.type(), target.help(), target.labelNames()));
        if (family.type() != target.type() || !family.labelNames().equals(target.labelNames())) {
          throw new SampleException("rules give it both " + family.type().word() + " " + family.labelNames()
              + " and " + target.type().word() + " " + target.labelNames());
        }
        family.add(labelValues, i, value.getAsDouble() * target.scale());
      } catch (SampleException e) {
        failed.put(target.name(), e.getMessage());
      } catch (SkipValue e) {
        // skipnonnumeric: text values are not metrics (e.g. SHOW STATUS's Ssl_cipher)
      }
    }
    failed.forEach((name, message) -> {
      families.remove(name);
      errors.add(name + ": " + message);
    });
    return new ArrayList<>(families.values());
  }

  private void addHistogram(FamilyBuilder family, String column, Row row, int i, List<String> labelValues)
      throws SampleException {
    OptionalDouble sum;
    OptionalDouble count;
    try {
      sum = value(row, column, i);
      count = value(row, "count", i);
    } catch (SkipValue e) {
      return;
    }
    if (sum.isEmpty() || count.isEmpty()) {
      return;
    }
    Map<Double, Long> cumulative = new LinkedHashMap<>();
    for (Map.Entry<String, Double> bucket : definition.metrics().buckets().get(column).entrySet()) {
      OptionalDouble c;
      try {
        c = value(row, bucket.getKey(), i);
      } catch (SkipValue e) {
        continue;
      }
      if (c.isPresent()) {
        cumulative.put(bucket.getValue(), (long) c.getAsDouble());
      }
    }
    family.addHistogram(labelValues, i,
        new FamilyBuilder.HistogramPoint(sum.getAsDouble(), (long) count.getAsDouble(), cumulative));
  }

  @SuppressWarnings("unchecked")
  private static List<String> labelsOf(Object labelsOrProblem) throws SampleException {
    if (labelsOrProblem instanceof SampleException e) {
      throw new SampleException(e.getMessage());
    }
    return (List<String>) labelsOrProblem;
  }

  private List<String> labelValues(Row row, int i) throws SampleException {
    List<String> values = new ArrayList<>(definition.metrics().labels().size());
    for (String label : definition.metrics().labels()) {
      if (!row.has(label)) {
        throw new SampleException("label column '" + label + "' is not in the result (row " + (i + 1)
            + " has " + row.columns() + ")");
      }
      values.add(capped(label, ValueReader.label(row.get(label))));
    }
    return values;
  }

  /** A too-long value is cut (see {@link LabelValues}), counted, and logged the first time per label. */
  private String capped(String label, String value) {
    if (!LabelValues.tooLong(value)) {
      return value;
    }
    long n = truncated.computeIfAbsent(label, l -> new AtomicLong()).incrementAndGet();
    if (n == 1) {
      LOG.warn("collector '{}': a value of label '{}' is longer than {} characters and was cut to end in '{}' "
          + "(later cuts of this label are counted, not logged); shorten it in the request, e.g. SUBSTR(...)",
          definition.collector(), label, LabelValues.MAX_LENGTH, LabelValues.CUT_SUFFIX);
    }
    return LabelValues.cap(value);
  }

  /** How many values of each label were cut since this converter was made. */
  public Map<String, Long> truncatedLabelValues() {
    Map<String, Long> out = new LinkedHashMap<>();
    truncated.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private OptionalDouble value(Row row, String column, int i) throws SampleException {
    if (!row.has(column)) {
      throw new SampleException("column '" + column + "' is not in the result (row " + (i + 1) + " has "
          + row.columns() + ")");
    }
    Object raw = row.get(column);
    try {
      return ValueReader.read(raw, definition.values().valueMap());
    } catch (NumberFormatException e) {
      if (definition.values().skipNonNumeric()) {
        throw new SkipValue();
      }
      // The value itself stays out of the message: it is data, and messages reach logs and the landing page.
      throw new SampleException("the value in column '" + column + "' (row " + (i + 1) + ") is not a number ("
          + String.valueOf(raw).length() + " characters of text); map it with valuemap, or set skipnonnumeric: true");
    }
  }

  /** Signals a text value that skipnonnumeric leaves out. */
  private static final class SkipValue extends RuntimeException {
    SkipValue() {
      super(null, null, false, false);
    }
  }

  /** The families one definition made, and what went wrong with the ones it could not make. */
  public record Converted(List<FamilyBuilder> families, List<String> errors) {}
}
