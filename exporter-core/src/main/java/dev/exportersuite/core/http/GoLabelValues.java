package dev.exportersuite.core.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For what {@link GoTextFormat} leaves to the client's text writer (quoted names, for one), rewrites the
 * Prometheus text format on its way out so that {@code le} and {@code quantile} values read as the
 * Go exporters print them ({@code le="20"}, not {@code le="20.0"}): dashboards and rules written against the Go
 * exporters select them by that text. Only {@code le} of histograms and {@code quantile} of summaries are touched
 * (the family's {@code # TYPE} line says which), so a user's label of that name keeps its value.
 */
final class GoLabelValues extends FilterOutputStream {

  // The label's name starts after { or , (a label called handle="5.0" is not le); its value has no quote.
  private static final Pattern LE = Pattern.compile("(?<=[{,])(le)=\"([^\"]*)\"");
  private static final Pattern QUANTILE = Pattern.compile("(?<=[{,])(quantile)=\"([^\"]*)\"");

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
   * Hands on each run of lines that pass unchanged (comments, and samples of a family with nothing to rewrite) in
   * one write, straight from the writer's buffer: a scrape is mostly such lines, and a write per line cost more
   * than the rest of this class. Only a line cut by the end of a buffer is copied.
   */
  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int start = off;
    int run = -1; // start of the pending run of unchanged lines in b
    for (int i = off; i < end; i++) {
      if (b[i] != '\n') {
        continue;
      }
      if (line.size() > 0) {
        line.write(b, start, i + 1 - start);
        flushLine();
      } else if (passes(b, start, i + 1)) {
        if (run < 0) {
          run = start;
        }
      } else {
        if (run >= 0) {
          out.write(b, run, start - run);
          run = -1;
        }
        rewriteLine(b, start, i + 1);
      }
      start = i + 1;
    }
    if (run >= 0) {
      out.write(b, run, start - run);
    }
    line.write(b, start, end - start);
  }

  private void flushLine() throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    if (passes(bytes, 0, bytes.length)) {
      out.write(bytes);
    } else {
      rewriteLine(bytes, 0, bytes.length);
    }
  }

  /** Whether the line {@code b[from, to)} goes out unchanged; a {@code # TYPE} line sets what the next ones need. */
  private boolean passes(byte[] b, int from, int to) {
    if (to > from && b[from] == '#') {
      if (startsWith(b, from, to, TYPE)) {
        String type = lastWord(b, from, to);
        bound = type.equals("histogram") || type.equals("gaugehistogram") ? LE
            : type.equals("summary") ? QUANTILE : null;
      }
      return true;
    }
    return bound == null;
  }

  private void rewriteLine(byte[] b, int from, int to) throws IOException {
    String text = new String(b, from, to - from, StandardCharsets.UTF_8);
    out.write(rewrite(bound, text).getBytes(StandardCharsets.UTF_8));
  }

  private static final byte[] TYPE = "# TYPE ".getBytes(StandardCharsets.US_ASCII);

  private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The text after the line's last space, without the line break and surrounding blanks. */
  private static String lastWord(byte[] b, int from, int to) {
    String text = new String(b, from, to - from, StandardCharsets.UTF_8);
    return text.substring(text.lastIndexOf(' ') + 1).strip();
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
