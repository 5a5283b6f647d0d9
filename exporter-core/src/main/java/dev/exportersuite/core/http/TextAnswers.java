package dev.exportersuite.core.http;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.ExporterFilterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Answers the scrapes that get the Prometheus text format (see {@link ScrapeHandler} for which): the registry's
 * snapshots, filtered by {@code name[]} as the client's handler filters them, written by {@link GoTextFormat}, or
 * by the client's text writer and {@link GoLabelValues} for what that does not cover, gzipped when asked.
 */
final class TextAnswers {

  private final PrometheusRegistry registry;
  private final ExpositionFormats formats;
  /** Client settings this class does not apply; while any is set, the client's handler answers every scrape. */
  private final boolean clientSettings;
  private final AtomicInteger lastSize = new AtomicInteger(16 * 1024);
  private final FamilyHeaders headers = new FamilyHeaders();

  TextAnswers(PrometheusRegistry registry) {
    this(registry, PrometheusProperties.get());
  }

  TextAnswers(PrometheusRegistry registry, PrometheusProperties properties) {
    this.registry = registry;
    this.formats = ExpositionFormats.init(properties);
    ExporterFilterProperties filter = properties.getExporterFilterProperties();
    this.clientSettings = properties.getExporterProperties().getIncludeCreatedTimestamps()
        || properties.getExporterHttpServerProperties().isPreferUncompressedResponse()
        || filter.getAllowedMetricNames() != null || filter.getExcludedMetricNames() != null
        || filter.getAllowedMetricNamePrefixes() != null || filter.getExcludedMetricNamePrefixes() != null;
  }

  /** Whether this scrape gets the text format from here. */
  boolean serves(PrometheusHttpRequest request) {
    if (clientSettings || request.getParameter("debug") != null) {
      return false;
    }
    String accept = request.getHeader("Accept");
    ExpositionFormatWriter preferred = formats.findWriter(accept);
    if (preferred == formats.getPrometheusTextFormatWriter()) {
      return true;
    }
    return !(preferred instanceof PrometheusProtobufWriter) && AcceptHeader.acceptsText(accept);
  }

  /** The escaping scheme the request's Accept header names (the client's default when none). */
  EscapingScheme scheme(PrometheusHttpRequest request) {
    return EscapingScheme.fromAcceptHeader(request.getHeader("Accept"));
  }

  SharedAnswers.Answer answer(PrometheusHttpRequest request, boolean gzip) throws IOException {
    String[] names = request.getParameterValues("name[]");
    MetricSnapshots snapshots = names != null && names.length > 0
        ? registry.scrape(MetricNameFilter.builder().nameMustBeEqualTo(names).build(), request)
        : registry.scrape(request);
    EscapingScheme scheme = scheme(request);
    byte[] body = GoTextFormat.write(snapshots, scheme, lastSize.get() + 1024, headers);
    if (body == null) {
      body = clientText(snapshots, scheme);
    }
    lastSize.set(body.length);
    if (!gzip) {
      return new SharedAnswers.Answer(200, Map.of("Content-Type", GoTextFormat.CONTENT_TYPE), body);
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
      z.write(body);
    }
    return new SharedAnswers.Answer(200,
        Map.of("Content-Type", GoTextFormat.CONTENT_TYPE, "Content-Encoding", "gzip"), zipped.toByteArray());
  }

  private byte[] clientText(MetricSnapshots snapshots, EscapingScheme scheme) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(lastSize.get() + 1024);
    try (GoLabelValues go = new GoLabelValues(out)) {
      formats.getPrometheusTextFormatWriter().write(go, snapshots, scheme);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory: does not happen
    }
    return out.toByteArray();
  }
}
