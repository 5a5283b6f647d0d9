package dev.exportersuite.core.http;

import dev.exportersuite.core.snapshots.CollectorStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The page at {@code /}: what this exporter is, where its metrics are, and how each collector did last time. */
final class LandingPage {

  private LandingPage() {}

  static String render(String title, String telemetryPath, Optional<String> connectionError,
      List<CollectorStatus> collectors) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            + ".err{color:#b00}.ok{color:#070}</style></head><body>");
    sb.append("<h1>").append(esc(title)).append("</h1>");
    sb.append("<p><a href=\"").append(esc(telemetryPath)).append("\">").append(esc(telemetryPath))
        .append("</a> &middot; <a href=\"/-/healthy\">/-/healthy</a> &middot; <a href=\"/-/ready\">/-/ready</a></p>");
    if (connectionError.isPresent()) {
      sb.append("<p class=\"err\">Datastore unreachable at the last scrape: ").append(esc(connectionError.get()))
          .append("</p>");
    }
    sb.append("<table><tr><th>collector</th><th>defined at</th><th>enabled</th><th>last duration</th>"
        + "<th>last success</th><th>errors</th><th>last error</th></tr>");
    for (CollectorStatus c : collectors) {
      sb.append("<tr><td>").append(esc(c.collector())).append("</td><td>").append(esc(c.source().toString()))
          .append("</td><td>").append(c.enabled() ? "yes" : "no").append("</td><td>")
          .append(String.format("%.3fs", c.lastDuration().toNanos() / 1e9)).append("</td><td>")
          .append(c.lastSuccess().map(LandingPage::time).orElse("never")).append("</td><td>")
          .append(c.errorsTotal()).append("</td><td class=\"")
          .append(c.lastError().isPresent() ? "err\">" + esc(c.lastError().get()) : "ok\">none")
          .append("</td></tr>");
    }
    return sb.append("</table></body></html>").toString();
  }

  private static String time(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
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
