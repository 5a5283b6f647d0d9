package dev.exportersuite.core.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the Prometheus text format on its way out so that {@code le} and {@code quantile} values read as the
 * Go exporters print them ({@code le="20"}, not {@code le="20.0"}): dashboards and rules written against the Go
 * exporters select them by that text. Only {@code le} of histograms and {@code quantile} of summaries are touched
 * (the family's {@code # TYPE} line says which), so a user's label of that name keeps its value.
 */
final class GoLabelValues extends FilterOutputStream {

  private static final Pattern LE = Pattern.compile("(le)=\"([^\"]*)\"");
  private static final Pattern QUANTILE = Pattern.compile("(quantile)=\"([^\"]*)\"");

  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  /** The label to rewrite in the current family's samples, from its {@code # TYPE} line; null for none. */
  private Pattern bound;

  GoLabelValues(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      flushLine();
    }
  }

  /**
   * Copies up to each line break at once: the writer hands over large buffers, and most lines pass unchanged. A
   * whole sample line of a family that has nothing to rewrite goes out as it is, without a copy (a large scrape
   * has 100,000 of them).
   */
  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        if (line.size() == 0 && bound == null && b[start] != '#') {
          out.write(b, start, i + 1 - start);
        } else {
          line.write(b, start, i + 1 - start);
          flushLine();
        }
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  private void flushLine() throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    if (bytes.length > 0 && bytes[0] == '#') {
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("# TYPE ")) {
        String type = text.substring(text.lastIndexOf(' ') + 1).strip();
        bound = type.equals("histogram") || type.equals("gaugehistogram") ? LE
            : type.equals("summary") ? QUANTILE : null;
      }
      out.write(bytes);
      return;
    }
    if (bound == null) {
      out.write(bytes);
      return;
    }
    out.write(rewrite(bound, new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  private static String rewrite(Pattern bound, String sampleLine) {
    Matcher m = bound.matcher(sampleLine);
    StringBuilder sb = new StringBuilder(sampleLine.length());
    while (m.find()) {
      String value = m.group(2);
      String go;
      try {
        go = GoFloat.format(value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value));
      } catch (NumberFormatException e) {
        go = value; // not a number: a user's label called le, left as it is
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "=\"" + go + "\""));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (line.size() > 0) {
      flushLine();
    }
    super.close();
  }
}
