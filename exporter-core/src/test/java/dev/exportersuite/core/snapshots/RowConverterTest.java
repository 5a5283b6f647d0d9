package dev.exportersuite.core.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricType;
import dev.exportersuite.core.config.NameRule;
import dev.exportersuite.core.config.SourceLocation;
import dev.exportersuite.core.testing.Exposition;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rows to families, in memory: what each kind of bad row costs, and nothing more. */
class RowConverterTest {

  private static MetricDefinition.Builder<String> definition() {
    return MetricDefinition.<String>builder().request("q").context("t").source(SourceLocation.of("test"));
  }

  private static RowConverter.Converted convert(MetricDefinition<String> d, Row... rows) {
    return new RowConverter(d, "ns").convert(List.of(rows));
  }

  private static Exposition exposition(RowConverter.Converted c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.builder().build().write(out, new MetricSnapshots(
        c.families().stream().map(f -> f.build(Labels.EMPTY)).toList()));
    return Exposition.parse(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void eachValueColumnIsAFamilyWithTheLabelColumns() throws Exception {
    MetricDefinition<String> d = definition().labels(List.of("status")).metric("value", "Sessions.")
        .metric("Total", "All.").type("total", MetricType.COUNTER).build();
    RowConverter.Converted c = convert(d, Row.of("STATUS", "active", "VALUE", 3, "total", 10L),
        Row.of("status", "idle", "value", null, "total", 4.5));
    assertThat(c.errors()).isEmpty();
    Exposition e = exposition(c);
    assertThat(e.value("ns_t_value", "status", "active")).contains(3.0);
    assertThat(e.value("ns_t_value", "status", "idle")).as("NULL emits no sample").isEmpty();
    assertThat(e.type("ns_t_total")).as("lower-cased, and _total not doubled").contains("counter");
    assertThat(e.value("ns_t_total", "status", "idle")).contains(4.5);
  }

  @Test
  void aTextValueCostsItsOwnMetricOnly() {
    MetricDefinition<String> d = definition().metric("a", "A.").metric("b", "B.").build();
    RowConverter.Converted c = convert(d, Row.of("a", "not a number", "b", 2));
    assertThat(c.errors()).singleElement().asString().startsWith("ns_t_a: ").contains("is not a number");
    assertThat(c.families()).extracting(FamilyBuilder::name).containsExactly("ns_t_b");
  }

  @Test
  void twoRowsWithTheSameLabelsCostThatMetricOnly() {
    MetricDefinition<String> d = definition().labels(List.of("k")).metric("a", "A.").metric("b", "B.").build();
    RowConverter.Converted c = convert(d, Row.of("k", "x", "a", 1, "b", null), Row.of("k", "x", "a", 2, "b", 3));
    assertThat(c.families()).extracting(FamilyBuilder::name).containsExactly("ns_t_b");
    assertThat(c.errors()).singleElement().asString().startsWith("ns_t_a: ");
  }

  @Test
  void aMissingLabelColumnIsNamed() {
    MetricDefinition<String> d = definition().labels(List.of("k")).metric("a", "A.").build();
    assertThat(convert(d, Row.of("a", 1)).errors()).singleElement().asString()
        .contains("label column 'k' is not in the result");
  }

  @Test
  void valueMapAndSkipNonNumericReadText() throws Exception {
    MetricDefinition<String> d = definition().labels(List.of("k")).metric("v", "V.").valueMap("ON", 1)
        .skipNonNumeric(true).build();
    RowConverter.Converted c = convert(d, Row.of("k", "a", "v", "on"), Row.of("k", "b", "v", "maybe"));
    assertThat(c.errors()).isEmpty();
    Exposition e = exposition(c);
    assertThat(e.value("ns_t_v", "k", "a")).contains(1.0);
    assertThat(e.samples("ns_t_v")).hasSize(1);
  }

  @Test
  void fieldToAppendNamesMetricsFromRowsAndRulesRewriteThem() throws Exception {
    MetricDefinition<String> d = definition().context("status").fieldToAppend("Variable_name")
        .metric("value", "Status.")
        .nameRule(new NameRule(Pattern.compile("com_(.+)"), "commands", Map.of("command", "$1"),
            Optional.of(MetricType.COUNTER), Optional.empty(), 1, false, SourceLocation.of("test")))
        .nameRule(new NameRule(Pattern.compile("uptime_ms"), "uptime_seconds", Map.of(), Optional.empty(),
            Optional.empty(), 0.001, false, SourceLocation.of("test")))
        .nameRule(new NameRule(Pattern.compile("ssl_.*"), "", Map.of(), Optional.empty(), Optional.empty(), 1,
            true, SourceLocation.of("test")))
        .build();
    RowConverter.Converted c = convert(d, Row.of("variable_name", "Com_select", "value", 5),
        Row.of("variable_name", "Com_insert", "value", 2), Row.of("variable_name", "Uptime_ms", "value", 1500),
        Row.of("variable_name", "Ssl_cipher", "value", "x"), Row.of("variable_name", "Threads connected",
            "value", 7));
    assertThat(c.errors()).isEmpty();
    Exposition e = exposition(c);
    assertThat(e.value("ns_status_commands_total", "command", "select")).contains(5.0);
    assertThat(e.value("ns_status_commands_total", "command", "insert")).contains(2.0);
    assertThat(e.value("ns_status_uptime_seconds")).contains(1.5);
    assertThat(e.value("ns_status_threads_connected")).contains(7.0);
    assertThat(e.has("ns_status_ssl_cipher")).as("dropped by a rule").isFalse();
  }

  @Test
  void aHistogramReadsItsBucketsCountAndSum() throws Exception {
    MetricDefinition<String> d = definition().metric("seconds", "Latency.").type("seconds", MetricType.HISTOGRAM)
        .buckets("seconds", Map.of("LE_1", 0.1, "le_2", 1.0)).build();
    RowConverter.Converted c = convert(d, Row.of("seconds", 2.5, "count", 10, "le_1", 4, "le_2", 9));
    assertThat(c.errors()).isEmpty();
    Exposition e = exposition(c);
    assertThat(e.value("ns_t_seconds_bucket", "le", "0.1")).contains(4.0);
    assertThat(e.value("ns_t_seconds_bucket", "le", "+Inf")).contains(10.0);
    assertThat(e.value("ns_t_seconds_sum")).contains(2.5);
  }

  @Test
  void aTooLongLabelValueIsCutWithAVisibleSuffixAndCountedNotAnError() throws Exception {
    MetricDefinition<String> d = definition().labels(List.of("sql_text")).metric("elapsed", "E.").build();
    RowConverter converter = new RowConverter(d, "ns");
    String longText = "SELECT " + "x".repeat(5000);
    RowConverter.Converted c = converter.convert(List.of(Row.of("sql_text", longText, "elapsed", 1.5),
        Row.of("sql_text", "short", "elapsed", 2)));
    assertThat(c.errors()).isEmpty();
    String cut = exposition(c).samples("ns_t_elapsed").stream().map(s -> s.labels().get("sql_text"))
        .filter(v -> v.startsWith("SELECT")).findFirst().orElseThrow();
    assertThat(cut).hasSize(LabelValues.MAX_LENGTH).endsWith(LabelValues.CUT_SUFFIX).startsWith("SELECT xxx");
    assertThat(converter.truncatedLabelValues()).containsEntry("sql_text", 1L);
  }

  @Test
  void aCutNeverSplitsACharacterAndShortValuesStay() {
    String emoji = "\uD83D\uDE00";
    String value = "a".repeat(LabelValues.MAX_LENGTH - LabelValues.CUT_SUFFIX.length() - 1) + emoji + "tail".repeat(10);
    String cut = LabelValues.cap(value);
    assertThat(cut).endsWith("a" + LabelValues.CUT_SUFFIX);
    assertThat(LabelValues.cap("short")).isEqualTo("short");
    assertThat(LabelValues.cap("b".repeat(LabelValues.MAX_LENGTH))).hasSize(LabelValues.MAX_LENGTH)
        .doesNotEndWith(LabelValues.CUT_SUFFIX);
  }
}
