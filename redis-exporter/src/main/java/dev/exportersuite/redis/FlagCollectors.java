package dev.exportersuite.redis;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.SourceLocation;
import dev.exportersuite.core.rows.Pairs;
import dev.exportersuite.core.rows.Rename;
import dev.exportersuite.core.rows.RowShaping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns redis_exporter's key and script flags into ordinary definitions, so they run, time out and fail like any
 * collector of a metrics file, with redis_exporter's metric names:
 * {@code --check-keys}/{@code --check-single-keys} give {@code redis_key_size{db,key}} and
 * {@code redis_key_value{db,key}}, {@code --count-keys} gives {@code redis_keys_count{db,key}} and
 * {@code --script} gives {@code redis_script_values{key}}.
 */
final class FlagCollectors {

  /** Glob characters that make a --check-keys entry a SCAN pattern (as redis_exporter decides it). */
  private static final Pattern GLOB = Pattern.compile("[?*\\[\\]^]");

  private FlagCollectors() {}

  static List<MetricDefinition<RedisRequest>> build(String checkKeys, String checkSingleKeys, String countKeys,
      String scripts, int batch, long limit) throws ConfigException {
    List<MetricDefinition<RedisRequest>> out = new ArrayList<>();
    StringBuilder keys = new StringBuilder();
    for (String spec : split(checkKeys)) {
      String name = KeyCheck.dbKey(spec).name();
      keys.append(GLOB.matcher(name).find() ? " match=" : " key=").append(quote(spec));
    }
    for (String spec : split(checkSingleKeys)) {
      keys.append(" key=").append(quote(spec));
    }
    if (keys.length() > 0) {
      String request = "@keys" + keys + " batch=" + batch + " limit=" + limit;
      out.add(definition("check_keys", "key", request, RowShaping.NONE, desc(
          "size", "The length or size of the key (strings: bytes, lists/sets/zsets/hashes/streams: elements).",
          "value", "The value of the key, when it is a number."), List.of("db", "key"), "--check-keys"));
    }
    List<String> count = split(countKeys);
    if (!count.isEmpty()) {
      StringBuilder request = new StringBuilder("@count-keys");
      for (String spec : count) {
        request.append(" match=").append(quote(spec));
      }
      request.append(" batch=").append(batch);
      out.add(definition("count_keys", "keys", request.toString(), RowShaping.NONE,
          desc("count", "Count of keys matching the pattern."), List.of("db", "key"), "--count-keys"));
    }
    List<String> files = split(scripts);
    if (files.size() > 1) {
      throw new ConfigException("--script", 0, "", "give one script file (redis_exporter 1.45 takes one); put "
          + "more scripts in a metrics file (request: #!lua ...)");
    }
    for (String file : files) {
      String body;
      try {
        body = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException(file, 0, "", "cannot read the script: " + e.getClass().getSimpleName());
      }
      // The script returns {name, value, ...}: pairs of a flat reply, named as redis_exporter names them.
      RowShaping rows = new RowShaping(List.of(new Pairs(), new Rename(Map.of("field", "key", "value", "values"))));
      out.add(definition("script", "script", "EVAL " + quote(body) + " 0", rows,
          desc("values", "Values returned by the collect script."), List.of("key"), file));
    }
    return out;
  }

  private static Map<String, String> desc(String... columnsAndHelp) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndHelp.length; i += 2) {
      m.put(columnsAndHelp[i], columnsAndHelp[i + 1]);
    }
    return m;
  }

  private static MetricDefinition<RedisRequest> definition(String collector, String context, String request,
      RowShaping rows, Map<String, String> desc, List<String> labels, String source) throws ConfigException {
    MetricDefinition.Builder<RedisRequest> b = MetricDefinition.<RedisRequest>builder()
        .collector(collector)
        .context(context)
        .rows(rows)
        .labels(labels)
        .ignoreZeroResult(true)
        .source(SourceLocation.of(source));
    try {
      b.request(RedisRequest.parse(request));
    } catch (InvalidRequestException e) {
      throw new ConfigException(source, 0, "", e.describe());
    }
    desc.forEach(b::metric);
    return b.build();
  }

  /** redis_exporter's comma-separated lists. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** Quotes a word for the request tokenizer. */
  static String quote(String word) {
    return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
