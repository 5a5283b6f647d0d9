package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GoTextFormat} writes what the client's text writer followed by {@link GoLabelValues} wrote (the path it
 * replaces), byte for byte, for every family type and for values, label values and help texts that need escaping
 * or UTF-8; and it declines, rather than writes differently, what it does not cover.
 */
class GoTextFormatTest {

  private static final String[] LABEL_NAMES = {"db", "cmd", "instance", "a_b", "_x", "Mode", "le_x", "q2", "handle", "subquantile"};
  private static final String[] VALUES = {"", "plain", "with space", "quote\"d", "back\\slash", "new\nline",
      "tab\there", "ünïcödé", "日本", "emoji \uD83D\uDE00", "lone \uD800 high", "trail\\", "\"", "a,b=c", "{}"};
  private static final double[] NUMBERS = {0, -0.0, 1, -1, 42, 1e6, 9_999_999, 1e7, -1e7, 12.5, 0.1, 1e-5, 1.5e-7,
      123456789.123, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 4.0e15, 9.007199254740993E15, -3.25};
  private static final double[] BOUNDS = {0.005, 0.5, 1, 2.5, 20, 100, 1e6, 1.5e-5, 123456.7};

  /** The path this replaces: the client's writer, then the Go-style rewrite of the bounds. */
  private static String reference(MetricSnapshots s, EscapingScheme scheme) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GoLabelValues go = new GoLabelValues(out)) {
      PrometheusTextFormatWriter.create().write(go, s, scheme);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Kept across every write of a test, as a server keeps it across scrapes: its lines must stay right. */
  private final FamilyHeaders headers = new FamilyHeaders();

  private String ours(MetricSnapshots s, EscapingScheme scheme) {
    byte[] b = GoTextFormat.write(s, scheme, 16, headers);
    assertThat(b).as("covered").isNotNull();
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void writesWhatTheClientAndTheRewriteWroteForRandomFamiliesOfEveryType() throws IOException {
    int families = 0;
    for (int seed = 0; seed < 300; seed++) {
      Random r = new Random(seed);
      MetricSnapshots s = randomSnapshots(r);
      families += s.size();
      for (EscapingScheme scheme : new EscapingScheme[] {EscapingScheme.UNDERSCORE_ESCAPING,
          EscapingScheme.ALLOW_UTF8, EscapingScheme.VALUE_ENCODING_ESCAPING, EscapingScheme.UNDERSCORE_ESCAPING}) {
        // the second and later writes of a family take its header lines from the cache
        assertThat(ours(s, scheme)).as("seed %d, %s", seed, scheme).isEqualTo(reference(s, scheme));
      }
    }
    assertThat(families).isGreaterThan(1000);
  }

  @Test
  void boundsAndQuantilesPrintAsGoPrintsThem() {
    MetricSnapshots s = MetricSnapshots.of(
        HistogramSnapshot.builder().name("wait_seconds").dataPoint(HistogramSnapshot.HistogramDataPointSnapshot
            .builder().classicHistogramBuckets(ClassicHistogramBuckets.of(new double[] {0.5, 20, 1e6,
                Double.POSITIVE_INFINITY}, new long[] {2, 5, 2, 1})).sum(12.5).build()).build(),
        SummarySnapshot.builder().name("rtt_seconds").dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder()
            .quantiles(Quantiles.of(new Quantile(0.5, 1), new Quantile(0.999, 3))).count(4).sum(5).build()).build());
    assertThat(ours(s, EscapingScheme.UNDERSCORE_ESCAPING)).isEqualTo("""
        # TYPE rtt_seconds summary
        rtt_seconds{quantile="0.5"} 1.0
        rtt_seconds{quantile="0.999"} 3.0
        rtt_seconds_count 4
        rtt_seconds_sum 5.0
        # TYPE wait_seconds histogram
        wait_seconds_bucket{le="0.5"} 2
        wait_seconds_bucket{le="20"} 7
        wait_seconds_bucket{le="1e+06"} 9
        wait_seconds_bucket{le="+Inf"} 10
        wait_seconds_count 10
        wait_seconds_sum 12.5
        """);
  }

  /** The text rewrite looked for le="..." anywhere in a line, so a label value or name ending in le fooled it. */
  @Test
  void aLabelEndingInLeOrHoldingLeTextLeavesTheBoundAlone() {
    MetricSnapshots s = MetricSnapshots.of(HistogramSnapshot.builder().name("h").dataPoint(
        HistogramSnapshot.HistogramDataPointSnapshot.builder().labels(Labels.of("handle", "5.0", "path", ",le="))
            .classicHistogramBuckets(ClassicHistogramBuckets.of(new double[] {20, Double.POSITIVE_INFINITY},
                new long[] {1, 0})).build()).build());
    assertThat(ours(s, EscapingScheme.UNDERSCORE_ESCAPING))
        .contains("h_bucket{handle=\"5.0\",path=\",le=\",le=\"20\"} 1");
  }

  @Test
  void declinesWhatItDoesNotCover() {
    MetricSnapshots dotted = MetricSnapshots.of(GaugeSnapshot.builder().name("my.gauge").dataPoint(
        GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).build()).build());
    assertThat(GoTextFormat.write(dotted, EscapingScheme.ALLOW_UTF8, 16, headers)).as("a name it would quote").isNull();

    MetricSnapshots plain = MetricSnapshots.of(GaugeSnapshot.builder().name("g").dataPoint(
        GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).build()).build());
    assertThat(GoTextFormat.write(plain, EscapingScheme.DOTS_ESCAPING, 16, headers)).as("dots escaping").isNull();

    MetricSnapshots stamped = MetricSnapshots.of(GaugeSnapshot.builder().name("g").dataPoint(
        GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).scrapeTimestampMillis(1_700_000_000_000L).build())
        .build());
    assertThat(GoTextFormat.write(stamped, EscapingScheme.UNDERSCORE_ESCAPING, 16, headers)).as("a timestamp").isNull();

    MetricSnapshots twice = MetricSnapshots.of(
        GaugeSnapshot.builder().name("g").dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1)
            .labels(Labels.of("a", "1")).build()).build(),
        GaugeSnapshot.builder().name("g").dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(2)
            .labels(Labels.of("a", "2")).build()).build());
    assertThat(GoTextFormat.write(twice, EscapingScheme.UNDERSCORE_ESCAPING, 16, headers)).as("one family twice").isNull();

    MetricSnapshots utf8Label = MetricSnapshots.of(GaugeSnapshot.builder().name("g").dataPoint(
        GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).labels(Labels.of("zoné", "x")).build()).build());
    assertThat(GoTextFormat.write(utf8Label, EscapingScheme.ALLOW_UTF8, 16, headers)).as("a label it would quote").isNull();
  }

  // --- random snapshots -------------------------------------------------------------------------------------

  private static MetricSnapshots randomSnapshots(Random r) {
    List<MetricSnapshot> list = new ArrayList<>();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      list.add(randomFamily(r, "fam" + i + "_" + (char) ('a' + r.nextInt(26))));
    }
    return new MetricSnapshots(list);
  }

  private static MetricSnapshot randomFamily(Random r, String name) {
    String help = r.nextInt(4) == 0 ? null : pick(r, VALUES) + " help";
    int points = r.nextInt(4); // 0: a family without data points, which is not written
    switch (r.nextInt(8)) {
      case 0: {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(r.nextBoolean() ? name : name + "_total")
            .help(help);
        for (Labels l : labelSets(r, points)) {
          b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(l)
              .value(Math.abs(pickNumber(r))).build());
        }
        return b.build();
      }
      case 1: {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (r.nextInt(3) == 0) {
          b = GaugeSnapshot.builder().name(name + "_bytes").unit(Unit.BYTES).help(help);
        }
        for (Labels l : labelSets(r, points)) {
          b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l).value(pickNumber(r)).build());
        }
        return b.build();
      }
      case 2:
      case 3: {
        boolean gauge = r.nextInt(3) == 0;
        HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help).gaugeHistogram(gauge);
        for (Labels l : labelSets(r, points)) {
          int k = 1 + r.nextInt(4);
          double[] bounds = new double[k];
          long[] counts = new long[k];
          double bound = -1;
          for (int i = 0; i < k - 1; i++) {
            bound = Math.max(bound + 0.001, pick(r, BOUNDS) + i * 1000);
            bounds[i] = bound;
            counts[i] = r.nextInt(5);
          }
          bounds[k - 1] = Double.POSITIVE_INFINITY;
          counts[k - 1] = r.nextInt(3);
          HistogramSnapshot.HistogramDataPointSnapshot.Builder d = HistogramSnapshot.HistogramDataPointSnapshot
              .builder().labels(l).classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts));
          if (r.nextBoolean()) {
            d.sum(Math.abs(pickNumber(r)));
          }
          b.dataPoint(d.build());
        }
        return b.build();
      }
      case 4: {
        SummarySnapshot.Builder b = SummarySnapshot.builder().name(name).help(help);
        for (Labels l : labelSets(r, points)) {
          SummarySnapshot.SummaryDataPointSnapshot.Builder d = SummarySnapshot.SummaryDataPointSnapshot.builder()
              .labels(l);
          List<Quantile> qs = new ArrayList<>();
          for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            if (r.nextBoolean()) {
              qs.add(new Quantile(q, pickNumber(r)));
            }
          }
          d.quantiles(Quantiles.of(qs));
          if (r.nextBoolean()) {
            d.count(r.nextInt(1000));
          }
          if (r.nextBoolean()) {
            d.sum(pickNumber(r));
          }
          b.dataPoint(d.build());
        }
        return b.build();
      }
      case 5: {
        InfoSnapshot.Builder b = InfoSnapshot.builder().name(name).help(help);
        for (Labels l : labelSets(r, points)) {
          b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(l).build());
        }
        return b.build();
      }
      case 6: {
        StateSetSnapshot.Builder b = StateSetSnapshot.builder().name(name).help(help);
        for (Labels l : labelSets(r, points)) {
          StateSetSnapshot.StateSetDataPointSnapshot.Builder d = StateSetSnapshot.StateSetDataPointSnapshot
              .builder().labels(l);
          int states = 1 + r.nextInt(3);
          for (int i = 0; i < states; i++) {
            d.state(pick(r, VALUES) + i, r.nextBoolean());
          }
          b.dataPoint(d.build());
        }
        return b.build();
      }
      default: {
        UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
        for (Labels l : labelSets(r, points)) {
          b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(l).value(pickNumber(r)).build());
        }
        return b.build();
      }
    }
  }

  /** {@code points} distinct label sets; the first may be empty. */
  private static List<Labels> labelSets(Random r, int points) {
    Map<Labels, Boolean> sets = new LinkedHashMap<>();
    for (int i = 0; i < points; i++) {
      Labels.Builder b = Labels.builder();
      int k = i == 0 ? r.nextInt(3) : 1 + r.nextInt(3);
      List<String> used = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        String label = pick(r, LABEL_NAMES);
        if (!used.contains(label)) {
          used.add(label);
          b.label(label, pick(r, VALUES) + (j == 0 ? "" + i : ""));
        }
      }
      sets.put(b.build(), true);
    }
    return new ArrayList<>(sets.keySet());
  }

  private static double pickNumber(Random r) {
    return r.nextInt(5) == 0 ? r.nextGaussian() * Math.pow(10, r.nextInt(20) - 8) : pick(r, NUMBERS);
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  private static double pick(Random r, double[] from) {
    return from[r.nextInt(from.length)];
  }
}
