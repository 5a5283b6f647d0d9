package dev.exportersuite.core.http;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.SnapshotEscaper;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;

/**
 * Writes snapshots in the Prometheus text format 0.0.4 as the Go exporters do: byte for byte what client_java's
 * {@code PrometheusTextFormatWriter} writes, except that histogram bounds and summary quantiles print in Go's
 * form ({@code le="20"}, {@code le="1e+06"}), which dashboards written against the Go exporters select.
 *
 * <p>It writes bytes straight into one buffer: the client's writer goes through a {@code Writer} chain a character
 * at a time, and the Go-style bounds then needed a second pass over its output ({@link GoLabelValues}); the two
 * were about half of a redis scrape's CPU. It covers what this suite's registries hold: names and label names of
 * the classic form ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}), no duplicate families, no scrape timestamps, no
 * {@code _created} lines, any escaping scheme but {@code dots}. For anything else {@link #write} says so before
 * the caller sends anything, and the caller uses the client's writer ({@link ScrapeHandler}).
 */
final class GoTextFormat {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Raised, and caught by {@link #write}, when the snapshots hold something this writer leaves to the client. */
  private static final class NotCovered extends Exception {
    NotCovered() {
      super(null, null, false, false); // a control-flow signal: no stack trace to fill
    }
  }

  private static final NotCovered NOT_COVERED = new NotCovered();

  private final ClassicNames names = new ClassicNames();
  private final FamilyHeaders headers;

  private GoTextFormat(FamilyHeaders headers) {
    this.headers = headers;
  }

  /**
   * The text of {@code snapshots}, or null when they hold something outside this writer's cover (see above).
   *
   * @param headers the families' header lines, kept from one write to the next
   */
  static byte[] write(MetricSnapshots snapshots, EscapingScheme scheme, int sizeHint, FamilyHeaders headers) {
    if (scheme == EscapingScheme.DOTS_ESCAPING) {
      return null; // escapes even classic names' underscores
    }
    return new GoTextFormat(headers).writeAll(snapshots, scheme, new TextSink(sizeHint));
  }

  private byte[] writeAll(MetricSnapshots snapshots, EscapingScheme scheme, TextSink out) {
    try {
      String previous = null;
      for (MetricSnapshot s : snapshots) {
        String family = s.getMetadata().getPrometheusName();
        if (family.equals(previous)) {
          throw NOT_COVERED; // the client merges same-named families into one
        }
        previous = family;
        if (!s.getDataPoints().isEmpty()) {
          family(out, s, scheme);
        }
      }
    } catch (NotCovered e) {
      return null;
    }
    return out.toByteArray();
  }

  private void family(TextSink out, MetricSnapshot s, EscapingScheme scheme) throws NotCovered {
    MetricMetadata m = s.getMetadata();
    if (s instanceof CounterSnapshot c) {
      String name = metricName(withSuffix(m, "_total", scheme));
      header(out, name, "counter", m);
      for (CounterSnapshot.CounterDataPointSnapshot d : c.getDataPoints()) {
        sample(out, name, null, d, scheme).number(d.getValue());
        end(out);
      }
    } else if (s instanceof GaugeSnapshot g) {
      String name = metricName(SnapshotEscaper.getLegacyGaugeName(m, m.getOriginalName(), scheme));
      header(out, name, "gauge", m);
      for (GaugeSnapshot.GaugeDataPointSnapshot d : g.getDataPoints()) {
        sample(out, name, null, d, scheme).number(d.getValue());
        end(out);
      }
    } else if (s instanceof HistogramSnapshot h) {
      histogram(out, h, scheme);
    } else if (s instanceof SummarySnapshot sum) {
      summary(out, sum, scheme);
    } else if (s instanceof InfoSnapshot info) {
      String name = metricName(withSuffix(m, "_info", scheme));
      header(out, name, "gauge", m);
      for (InfoSnapshot.InfoDataPointSnapshot d : info.getDataPoints()) {
        sample(out, name, null, d, scheme).ascii('1');
        end(out);
      }
    } else if (s instanceof StateSetSnapshot set) {
      stateSet(out, set, scheme);
    } else if (s instanceof UnknownSnapshot u) {
      String name = metricName(SnapshotEscaper.getMetadataName(m, scheme));
      header(out, name, "untyped", m);
      for (UnknownSnapshot.UnknownDataPointSnapshot d : u.getDataPoints()) {
        sample(out, name, null, d, scheme).number(d.getValue());
        end(out);
      }
    } else {
      throw NOT_COVERED;
    }
  }

  private void histogram(TextSink out, HistogramSnapshot h, EscapingScheme scheme) throws NotCovered {
    MetricMetadata m = h.getMetadata();
    String name = metricName(SnapshotEscaper.getMetadataName(m, scheme));
    header(out, name, "histogram", m);
    String bucket = name + "_bucket";
    for (HistogramSnapshot.HistogramDataPointSnapshot d : h.getDataPoints()) {
      ClassicHistogramBuckets buckets = d.getClassicBuckets().isEmpty()
          ? ClassicHistogramBuckets.of(new double[] {Double.POSITIVE_INFINITY}, new long[] {d.getCount()})
          : d.getClassicBuckets();
      long cumulative = 0;
      for (int i = 0; i < buckets.size(); i++) {
        cumulative += buckets.getCount(i);
        sample(out, bucket, "le", d, scheme, GoFloat.format(buckets.getUpperBound(i))).decimal(cumulative);
        end(out);
      }
      if (!h.isGaugeHistogram()) {
        countAndSum(out, name + "_count", name + "_sum", d, d.hasCount(), d.getCount(), d.hasSum(), d.getSum(),
            scheme);
      }
    }
    if (h.isGaugeHistogram()) {
      boolean any = false;
      for (HistogramSnapshot.HistogramDataPointSnapshot d : h.getDataPoints()) {
        if (d.hasCount()) {
          if (!any) {
            header(out, name + "_gcount", "gauge", m);
            any = true;
          }
          sample(out, name + "_gcount", null, d, scheme).decimal(d.getCount());
          end(out);
        }
      }
      any = false;
      for (HistogramSnapshot.HistogramDataPointSnapshot d : h.getDataPoints()) {
        if (d.hasSum()) {
          if (!any) {
            header(out, name + "_gsum", "gauge", m);
            any = true;
          }
          sample(out, name + "_gsum", null, d, scheme).number(d.getSum());
          end(out);
        }
      }
    }
  }

  private void summary(TextSink out, SummarySnapshot s, EscapingScheme scheme) throws NotCovered {
    MetricMetadata m = s.getMetadata();
    String name = metricName(SnapshotEscaper.getMetadataName(m, scheme));
    boolean headed = false;
    for (SummarySnapshot.SummaryDataPointSnapshot d : s.getDataPoints()) {
      if (d.getQuantiles().size() == 0 && !d.hasCount() && !d.hasSum()) {
        continue;
      }
      if (!headed) {
        header(out, name, "summary", m);
        headed = true;
      }
      for (Quantile q : d.getQuantiles()) {
        sample(out, name, "quantile", d, scheme, GoFloat.format(q.getQuantile())).number(q.getValue());
        end(out);
      }
      countAndSum(out, name + "_count", name + "_sum", d, d.hasCount(), d.getCount(), d.hasSum(), d.getSum(),
          scheme);
    }
  }

  private void countAndSum(TextSink out, String countName, String sumName, DataPointSnapshot d,
      boolean hasCount, long count, boolean hasSum, double sum, EscapingScheme scheme) throws NotCovered {
    if (hasCount) {
      sample(out, countName, null, d, scheme).decimal(count);
      end(out);
    }
    if (hasSum) {
      sample(out, sumName, null, d, scheme).number(sum);
      end(out);
    }
  }

  private void stateSet(TextSink out, StateSetSnapshot s, EscapingScheme scheme) throws NotCovered {
    MetricMetadata m = s.getMetadata();
    String name = metricName(SnapshotEscaper.getMetadataName(m, scheme));
    header(out, name, "gauge", m);
    for (StateSetSnapshot.StateSetDataPointSnapshot d : s.getDataPoints()) {
      for (int i = 0; i < d.size(); i++) {
        // The state's label is named after the family, after the data point's own labels.
        labels(out.ascii(name).ascii('{'), d, scheme, true);
        out.ascii(name).ascii("=\"").labelValue(d.getName(i)).ascii("\"} ").ascii(d.isTrue(i) ? '1' : '0');
        end(out);
      }
    }
  }

  /** Name, labels (and the bound label) and the blank before the value. */
  private TextSink sample(TextSink out, String name, String boundLabel, DataPointSnapshot d,
      EscapingScheme scheme) throws NotCovered {
    return sample(out, name, boundLabel, d, scheme, null);
  }

  private TextSink sample(TextSink out, String name, String boundLabel, DataPointSnapshot d,
      EscapingScheme scheme, String bound) throws NotCovered {
    if (d.hasScrapeTimestamp()) {
      throw NOT_COVERED; // printed in seconds or milliseconds by a client setting: left to the client
    }
    out.ascii(name);
    Labels labels = d.getLabels();
    if (labels.isEmpty() && boundLabel == null) {
      return out.ascii(' ');
    }
    out.ascii('{');
    boolean any = labels(out, d, scheme, false);
    if (boundLabel != null) {
      if (any) {
        out.ascii(',');
      }
      out.ascii(boundLabel).ascii("=\"").ascii(bound).ascii('"');
    }
    return out.ascii("} ");
  }

  /** The data point's labels, comma-separated; with {@code trailingComma} a comma follows when there are any. */
  private boolean labels(TextSink out, DataPointSnapshot d, EscapingScheme scheme, boolean trailingComma)
      throws NotCovered {
    Labels labels = d.getLabels();
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        out.ascii(',');
      }
      String name = SnapshotEscaper.getSnapshotLabelName(labels, i, scheme);
      if (!names.isLabelName(name)) {
        throw NOT_COVERED; // would be quoted
      }
      out.ascii(name).ascii("=\"").labelValue(labels.getValue(i)).ascii('"');
    }
    if (trailingComma && !labels.isEmpty()) {
      out.ascii(',');
    }
    return !labels.isEmpty();
  }

  private void header(TextSink out, String name, String type, MetricMetadata m) {
    headers.write(out, name, type, m);
  }

  private static void end(TextSink out) {
    out.ascii('\n');
  }

  /** The family's name with a type's suffix ({@code _total}, {@code _info}) unless it has it already. */
  private static String withSuffix(MetricMetadata m, String suffix, EscapingScheme scheme) {
    String base = SnapshotEscaper.getExpositionBaseMetadataName(m, scheme);
    return base.endsWith(suffix) ? base : SnapshotEscaper.getMetadataName(m, scheme) + suffix;
  }

  private String metricName(String name) throws NotCovered {
    if (!names.isMetricName(name)) {
      throw NOT_COVERED; // would be quoted inside the braces
    }
    return name;
  }
}
