package dev.exportersuite.core.config;

import java.util.Locale;

/** The metric types a metrics file may declare in {@code metricstype}. */
public enum MetricType {
  GAUGE,
  COUNTER,
  HISTOGRAM,
  UNTYPED;

  public static MetricType parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "gauge" -> GAUGE;
      case "counter" -> COUNTER;
      case "histogram" -> HISTOGRAM;
      case "untyped", "unknown" -> UNTYPED;
      default -> throw new IllegalArgumentException(
          "unknown metric type '" + text + "'; use gauge, counter, histogram or untyped");
    };
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
