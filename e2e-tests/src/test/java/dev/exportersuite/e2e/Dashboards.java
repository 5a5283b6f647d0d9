package dev.exportersuite.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Grafana dashboards of configs/grafana/dashboards, read as plain JSON. */
final class Dashboards {

  /** One PromQL text of a dashboard: a panel target or a variable's query. */
  record Query(String dashboard, String where, String expr) {
    @Override
    public String toString() {
      return dashboard + " / " + where;
    }
  }

  record Variable(String dashboard, String name, String query, String allValue) {}

  private Dashboards() {}

  static Path dir() {
    return Repo.path("configs/grafana/dashboards");
  }

  static List<Path> files() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> read(Path file) {
    return Repo.readMap(file);
  }

  /** Every panel, rows' collapsed panels included. */
  static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
    List<Map<String, Object>> out = new ArrayList<>();
    collect(Repo.list(dashboard.get("panels")), out);
    return out;
  }

  private static void collect(List<Object> panels, List<Map<String, Object>> out) {
    for (Object o : panels) {
      Map<String, Object> p = Repo.map(o);
      out.add(p);
      collect(Repo.list(p.get("panels")), out);
    }
  }

  static List<Query> queries() {
    List<Query> out = new ArrayList<>();
    for (Path f : files()) {
      String name = f.getFileName().toString();
      for (Map<String, Object> p : panels(read(f))) {
        for (Object t : Repo.list(p.get("targets"))) {
          Map<String, Object> target = Repo.map(t);
          if (target.get("expr") != null) {
            out.add(new Query(name, "panel '" + p.get("title") + "' " + target.get("refId"),
                String.valueOf(target.get("expr"))));
          }
        }
      }
    }
    return out;
  }

  static List<Variable> variables(Path file) {
    List<Variable> out = new ArrayList<>();
    Map<String, Object> templating = Repo.map(read(file).get("templating"));
    for (Object o : Repo.list(templating.get("list"))) {
      Map<String, Object> v = Repo.map(o);
      Object q = v.get("query");
      String query = q instanceof Map<?, ?> m ? String.valueOf(m.get("query")) : String.valueOf(q);
      out.add(new Variable(file.getFileName().toString(), String.valueOf(v.get("name")), query,
          v.get("allValue") == null ? null : String.valueOf(v.get("allValue"))));
    }
    return out;
  }

  static List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    files().forEach(f -> out.addAll(variables(f)));
    return out;
  }

  /**
   * The expression as Grafana sends it with "All" selected: every dashboard variable as its all-value (a regex
   * that matches everything), the interval macros as fixed ranges long enough for rate() at the test's interval.
   */
  static String expand(String expr, List<Variable> variables) {
    String out = expr
        .replace("${__rate_interval}", "1m").replace("$__rate_interval", "1m")
        .replace("${__interval}", "15s").replace("$__interval", "15s")
        .replace("${__range}", "5m").replace("$__range", "5m");
    for (Variable v : variables) {
      String all = v.allValue() == null ? ".+" : v.allValue();
      out = out.replaceAll("\\$\\{" + v.name() + "(:[a-z]+)?}", java.util.regex.Matcher.quoteReplacement(all))
          .replaceAll("\\$" + v.name() + "\\b", java.util.regex.Matcher.quoteReplacement(all));
    }
    return out;
  }
}
