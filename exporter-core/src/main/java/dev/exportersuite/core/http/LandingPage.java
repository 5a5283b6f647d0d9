package dev.exportersuite.core.http;

import dev.exportersuite.core.snapshots.CollectorStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The page at {@code /}: what this exporter is, where its metrics are, whether its config took, and how each
 * collector did last time; as HTML for a browser and as aligned text lines for {@code curl}.
 */
record LandingPage(String title, String telemetryPath, String configStatus, Optional<String> connectionError,
    List<CollectorStatus> collectors) {

  private static final String[] COLUMNS = {"collector", "defined at", "enabled", "last duration", "last success",
      "errors", "last error"};

  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (CollectorStatus c : collectors) {
      rows.add(new String[] {c.collector(), c.source().toString(), c.enabled() ? "yes" : "no",
          String.format("%.3fs", c.lastDuration().toNanos() / 1e9),
          c.lastSuccess().map(LandingPage::time).orElse("never"), Long.toString(c.errorsTotal()),
          c.lastError().orElse("none")});
    }
    return rows;
  }

  String text() {
    StringBuilder sb = new StringBuilder(4096).append(title).append('\n');
    sb.append("metrics:   ").append(telemetryPath).append("   health: /-/healthy   ready: /-/ready\n");
    if (!configStatus.isEmpty()) {
      sb.append("config:    ").append(configStatus).append('\n');
    }
    connectionError.ifPresent(e -> sb.append("Datastore unreachable at the last scrape: ").append(oneLine(e))
        .append('\n'));
    sb.append('\n');
    List<String[]> rows = rows();
    int[] width = new int[COLUMNS.length - 1];
    for (int i = 0; i < width.length; i++) {
      width[i] = COLUMNS[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    List<String[]> all = new ArrayList<>();
    all.add(COLUMNS);
    all.addAll(rows);
    for (String[] r : all) {
      for (int i = 0; i < width.length; i++) {
        sb.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
      }
      sb.append(oneLine(r[r.length - 1])).append('\n');
    }
    return sb.toString();
  }

  String html() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            + ".err{color:#b00}.ok{color:#070}</style></head><body>");
    sb.append("<h1>").append(esc(title)).append("</h1>");
    sb.append("<p><a href=\"").append(esc(telemetryPath)).append("\">").append(esc(telemetryPath))
        .append("</a> &middot; <a href=\"/-/healthy\">/-/healthy</a> &middot; <a href=\"/-/ready\">/-/ready</a></p>");
    if (!configStatus.isEmpty()) {
      sb.append("<p class=\"").append(configStatus.contains("REFUSED") ? "err" : "ok").append("\">Config: ")
          .append(esc(configStatus)).append("</p>");
    }
    if (connectionError.isPresent()) {
      sb.append("<p class=\"err\">Datastore unreachable at the last scrape: ").append(esc(connectionError.get()))
          .append("</p>");
    }
    sb.append("<table><tr>");
    for (String c : COLUMNS) {
      sb.append("<th>").append(c).append("</th>");
    }
    sb.append("</tr>");
    for (String[] r : rows()) {
      sb.append("<tr>");
      for (int i = 0; i < r.length - 1; i++) {
        sb.append("<td>").append(esc(r[i])).append("</td>");
      }
      boolean failed = !r[r.length - 1].equals("none");
      sb.append("<td class=\"").append(failed ? "err" : "ok").append("\">").append(esc(r[r.length - 1]))
          .append("</td></tr>");
    }
    return sb.append("</table></body></html>").toString();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  private static String time(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
