package dev.exportersuite.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed Prometheus text exposition, for assertions: families with their TYPE and samples with labels.
 * Deliberately independent of the client library, so tests check what a scraper really receives.
 */
public final class Exposition {

  public record Sample(String name, Map<String, String> labels, double value) {}

  private final Map<String, String> types = new LinkedHashMap<>();
  private final Map<String, String> helps = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  public static Exposition parse(String text) {
    Exposition e = new Exposition();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] p = line.substring(7).split(" ", 2);
        e.types.put(p[0], p[1].trim());
      } else if (line.startsWith("# HELP ")) {
        String[] p = line.substring(7).split(" ", 2);
        e.helps.put(p[0], p.length > 1 ? p[1] : "");
      } else if (!line.isBlank() && !line.startsWith("#")) {
        e.samples.add(sample(line));
      }
    }
    return e;
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space;
    String name;
    Map<String, String> labels = new TreeMap<>();
    if (brace >= 0 && brace < line.indexOf(' ')) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq).trim();
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        while (line.charAt(j) != '"') {
          if (line.charAt(j) == '\\') {
            j++;
            char c = line.charAt(j);
            v.append(c == 'n' ? '\n' : c);
          } else {
            v.append(line.charAt(j));
          }
          j++;
        }
        labels.put(key, v.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      space = line.indexOf(' ', i);
    } else {
      space = line.indexOf(' ');
      name = line.substring(0, space);
    }
    String[] rest = line.substring(space + 1).trim().split(" ");
    return new Sample(name, labels, parseValue(rest[0]));
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  public Map<String, String> types() {
    return types;
  }

  public Optional<String> type(String family) {
    return Optional.ofNullable(types.get(family));
  }

  public Optional<String> help(String family) {
    return Optional.ofNullable(helps.get(family));
  }

  public List<Sample> samples() {
    return samples;
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The value of the one sample with this name and exactly these labels. */
  public Optional<Double> value(String name, String... labelPairs) {
    Map<String, String> want = new TreeMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      want.put(labelPairs[i], labelPairs[i + 1]);
    }
    return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(want)).map(Sample::value)
        .findFirst();
  }

  public boolean has(String family) {
    return types.containsKey(family);
  }
}
