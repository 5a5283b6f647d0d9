package dev.exportersuite.redis;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.SourceLocation;
import dev.exportersuite.core.rows.Match;
import dev.exportersuite.core.rows.Pairs;
import dev.exportersuite.core.rows.Rename;
import dev.exportersuite.core.rows.RowShaping;
import dev.exportersuite.core.rows.SetColumns;
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
 * Turns redis_exporter's flags into ordinary definitions, so they run, time out and fail like any collector of a
 * metrics file, with redis_exporter's metric names (see the README's flag table):
 * {@code --check-keys}/{@code --check-single-keys} give {@code redis_key_size{db,key}} and
 * {@code redis_key_value{db,key}}, {@code --count-keys} gives {@code redis_keys_count{db,key}}, {@code --script}
 * gives {@code redis_script_values{key}}, {@code --check-streams} the {@code redis_stream_*} families,
 * {@code --check-key-groups} the {@code redis_key_group_*} ones and {@code --export-client-list} one series per
 * client. The switches ({@code --include-system-metrics}, {@code --include-config-metrics},
 * {@code --config-command=-}) turn shipped entries on or off by collector name, at start and at every reload.
 */
final class FlagCollectors {

  /** Glob characters that make a --check-keys entry a SCAN pattern (as redis_exporter decides it). */
  private static final Pattern GLOB = Pattern.compile("[?*\\[\\]^]");

  /** The collector of the shipped entry --include-system-metrics turns on. */
  static final String SYSTEM = "system";
  /** The collector of the shipped entries --include-config-metrics turns on. */
  static final String CONFIG_ALL = "config_all";

  /** The flags that make or switch collectors; see {@link RedisExporter}'s options. */
  record Flags(String checkKeys, String checkSingleKeys, String countKeys, String scripts, int batch, long limit,
      boolean cluster, boolean keyValues, String checkStreams, String checkSingleStreams, boolean streamConsumers,
      String keyGroups, int maxKeyGroups, boolean clientList, boolean clientPort, boolean systemMetrics,
      boolean configMetrics, boolean skipConfig, boolean noDefaults) {}

  private final List<MetricDefinition<RedisRequest>> extra;
  private final Flags flags;

  private FlagCollectors(List<MetricDefinition<RedisRequest>> extra, Flags flags) {
    this.extra = List.copyOf(extra);
    this.flags = flags;
  }

  /** The loaded definitions with the switches applied, then the collectors the flags make. Pure. */
  List<MetricDefinition<RedisRequest>> adjust(List<MetricDefinition<RedisRequest>> loaded) {
    List<MetricDefinition<RedisRequest>> all = new ArrayList<>();
    for (MetricDefinition<RedisRequest> d : loaded) {
      if (d.collector().equals(SYSTEM) && flags.systemMetrics()
          || d.collector().equals(CONFIG_ALL) && flags.configMetrics()) {
        d = d.withEnabled(true);
      }
      if (flags.skipConfig() && d.request().kind() == RedisRequest.Kind.COMMAND
          && d.request().commandName().equals("CONFIG")) {
        d = d.withEnabled(false);
      }
      all.add(d);
    }
    all.addAll(extra);
    return all;
  }

  static FlagCollectors build(Flags f) throws ConfigException {
    List<MetricDefinition<RedisRequest>> out = new ArrayList<>();
    StringBuilder keys = new StringBuilder();
    for (String spec : split(f.checkKeys())) {
      String name = KeyCheck.dbKey(spec).name();
      keys.append(GLOB.matcher(name).find() ? " match=" : " key=").append(quote(spec));
    }
    for (String spec : split(f.checkSingleKeys())) {
      keys.append(" key=").append(quote(spec));
    }
    if (keys.length() > 0) {
      String request = "@keys" + keys + " batch=" + f.batch() + " limit=" + f.limit()
          + (f.cluster() ? " cluster=true" : "");
      Map<String, String> metrics = desc(
          "size", "The length or size of the key (strings: bytes, lists/sets/zsets/hashes/streams: elements).");
      if (f.keyValues()) {
        metrics.put("value", "The value of the key, when it is a number.");
      }
      out.add(definition("check_keys", "key", request, RowShaping.NONE, metrics, List.of("db", "key"),
          "--check-keys"));
      if (f.keyValues()) {
        // A string that is not a number: its text as a label, as redis_exporter exports it.
        out.add(definition("check_keys", "key", request, new RowShaping(List.of(
            new Match(Map.of("val", Pattern.compile("(?s).+"))), new SetColumns(Map.of("value_as_string", "1")))),
            desc("value_as_string", "The value of the key as a string"), List.of("db", "key", "val"),
            "--check-keys"));
      }
    }
    List<String> count = split(f.countKeys());
    if (!count.isEmpty()) {
      StringBuilder request = new StringBuilder("@count-keys");
      for (String spec : count) {
        request.append(" match=").append(quote(spec));
      }
      request.append(" batch=").append(f.batch());
      out.add(definition("count_keys", "keys", request.toString(), RowShaping.NONE,
          desc("count", "Count of keys matching the pattern."), List.of("db", "key"), "--count-keys"));
    }
    out.addAll(scripts(split(f.scripts())));
    out.addAll(streams(f));
    out.addAll(keyGroups(f));
    if (f.clientList()) {
      out.addAll(clients(f.clientPort()));
    }
    return new FlagCollectors(out, f);
  }

  /**
   * One script: redis_exporter 1.45's {@code redis_script_values{key}}; several (1.66's comma-separated list): one
   * request that runs them in turn, {@code redis_script_values{key, filename}} as 1.66 labels them.
   */
  private static List<MetricDefinition<RedisRequest>> scripts(List<String> files) throws ConfigException {
    List<String> namesAndBodies = new ArrayList<>();
    for (String file : files) {
      try {
        namesAndBodies.add(file);
        namesAndBodies.add(Files.readString(Path.of(file), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException(file, 0, "", "cannot read the script: " + e.getClass().getSimpleName());
      }
    }
    if (files.isEmpty()) {
      return List.of();
    }
    if (files.size() == 1) {
      // The script returns {name, value, ...}: pairs of a flat reply, named as redis_exporter names them.
      RowShaping rows = new RowShaping(List.of(new Pairs(), new Rename(Map.of("field", "key", "value", "values"))));
      return List.of(definition("script", "script", "EVAL " + quote(namesAndBodies.get(1)) + " 0", rows,
          desc("values", "Values returned by the collect script."), List.of("key"), files.get(0)));
    }
    RedisRequest request = new RedisRequest(RedisRequest.Kind.SCRIPTS, namesAndBodies, null, null);
    return List.of(definition("script", "script", request, RowShaping.NONE,
        desc("values", "Values returned by the collect script."), List.of("key", "filename"), "--script"));
  }

  /** {@code --check-streams}, {@code --check-single-streams}: three definitions over one {@code @streams} request. */
  private static List<MetricDefinition<RedisRequest>> streams(Flags f) throws ConfigException {
    StringBuilder words = new StringBuilder();
    for (String spec : split(f.checkStreams())) {
      words.append(" match=").append(quote(spec));
    }
    for (String spec : split(f.checkSingleStreams())) {
      words.append(" key=").append(quote(spec));
    }
    if (words.length() == 0) {
      return List.of();
    }
    String request = "@streams" + words + " batch=" + f.batch() + " limit=" + f.limit()
        + (f.streamConsumers() ? "" : " consumers=false");
    List<MetricDefinition<RedisRequest>> out = new ArrayList<>();
    out.add(definition("streams", "stream", request, level("stream"), desc(
        "length", "The number of elements of the stream",
        "radix_tree_keys", "Radix tree keys count",
        "radix_tree_nodes", "Radix tree nodes count",
        "last_generated_id", "The epoch timestamp (ms) of the latest message on the stream",
        "groups", "Groups count of stream",
        "max_deleted_entry_id", "The epoch timestamp (ms) of last message was deleted from the stream",
        "first_entry_id", "The epoch timestamp (ms) of the first message in the stream",
        "last_entry_id", "The epoch timestamp (ms) of the last message in the stream"),
        List.of("db", "stream"), "--check-streams"));
    out.add(definition("streams", "stream_group", request, level("group"), desc(
        "consumers", "Consumers count of stream group",
        "messages_pending", "Pending number of messages in that stream group",
        "last_delivered_id", "The epoch timestamp (ms) of the last delivered message",
        "entries_read", "Total number of entries read from the stream group",
        "lag", "The number of messages waiting to be delivered to the stream group's consumers"),
        List.of("db", "stream", "group"), "--check-streams"));
    if (f.streamConsumers()) {
      out.add(definition("streams", "stream_group_consumer", request, level("consumer"), desc(
          "messages_pending", "Pending number of messages for this specific consumer",
          "idle_seconds", "Consumer idle time in seconds"),
          List.of("db", "stream", "group", "consumer"), "--check-streams"));
    }
    return out;
  }

  /**
   * {@code --check-key-groups}: the groups' sizes per database; without patterns only redis_exporter's
   * always-present {@code redis_last_key_groups_scrape_duration_milliseconds} (unless --no-default.metrics).
   */
  private static List<MetricDefinition<RedisRequest>> keyGroups(Flags f) throws ConfigException {
    List<String> groups = keyGroupPatterns(f.keyGroups());
    if (groups.isEmpty() && f.noDefaults()) {
      return List.of();
    }
    StringBuilder request = new StringBuilder("@key-groups");
    groups.forEach(g -> request.append(" group=").append(quote(g)));
    request.append(" batch=").append(f.batch()).append(" max=").append(f.maxKeyGroups());
    String r = request.toString();
    List<MetricDefinition<RedisRequest>> out = new ArrayList<>();
    out.add(definition("key_groups", "", r, level("scrape"), desc("last_key_groups_scrape_duration_milliseconds",
        "Duration of the last key group metrics scrape in milliseconds"), List.of(), "--check-key-groups"));
    if (!groups.isEmpty()) {
      out.add(definition("key_groups", "key_group", r, level("group"), desc(
          "count", "Count of keys in key group",
          "memory_usage_bytes", "Total memory usage of key group in bytes"),
          List.of("db", "key_group"), "--check-key-groups"));
      out.add(definition("key_groups", "", r, new RowShaping(List.of(new Match(Map.of("level",
          Pattern.compile("db"))), new Rename(Map.of("distinct", "number_of_distinct_key_groups")))),
          desc("number_of_distinct_key_groups", "Number of distinct key groups"), List.of("db"),
          "--check-key-groups"));
    }
    return out;
  }

  /** redis_exporter reads the list as one CSV record: quotes may hold commas; blanks around an item go. */
  static List<String> keyGroupPatterns(String text) throws ConfigException {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    StringBuilder item = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          item.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == ',' && !quoted) {
        out.add(item.toString().strip());
        item.setLength(0);
      } else {
        item.append(ch);
      }
    }
    if (quoted) {
      throw new ConfigException("command line", 0, "--check-key-groups", "a quote is not closed");
    }
    out.add(item.toString().strip());
    out.removeIf(String::isEmpty);
    for (String g : out) {
      if (g.length() > KeyCheck.MAX_GROUP_PATTERN) {
        throw new ConfigException("command line", 0, "--check-key-groups", "a pattern is longer than "
            + KeyCheck.MAX_GROUP_PATTERN + " characters");
      }
    }
    return out;
  }

  /**
   * {@code --export-client-list}: redis_exporter 1.45's {@code redis_connected_clients_details} and 1.66's
   * {@code redis_connected_client_*} families, all from one CLIENT LIST.
   */
  private static List<MetricDefinition<RedisRequest>> clients(boolean port) throws ConfigException {
    String r = "CLIENT LIST";
    List<MetricDefinition<RedisRequest>> out = new ArrayList<>();
    List<String> details = new ArrayList<>(List.of("name", "created_at", "idle_since", "flags", "db", "omem", "cmd",
        "host"));
    List<String> info = new ArrayList<>(List.of("id", "name", "flags", "db", "host"));
    if (port) {
      details.add("port");
      info.add("port");
    }
    info.addAll(List.of("user", "resp"));
    out.add(definition("clients", "connected_clients", r, set("details"),
        desc("details", "Details about connected clients"), details, "--export-client-list"));
    out.add(definition("clients", "connected_client", r, set("info"),
        desc("info", "Details about a connected client"), info, "--export-client-list"));
    out.add(definition("clients", "connected_client", r, new RowShaping(List.of(new Rename(Map.ofEntries(
        Map.entry("omem", "output_buffer_memory_usage_bytes"),
        Map.entry("tot_mem", "total_memory_consumed_bytes"),
        Map.entry("created_at", "created_at_timestamp"),
        Map.entry("idle_since", "idle_since_timestamp"),
        Map.entry("sub", "channel_subscriptions_count"),
        Map.entry("psub", "pattern_matching_subscriptions_count"),
        Map.entry("ssub", "shard_channel_subscriptions_count"),
        Map.entry("watch", "shard_channel_watched_keys"),
        Map.entry("qbuf", "query_buffer_length_bytes"),
        Map.entry("qbuf_free", "query_buffer_free_space_bytes"),
        Map.entry("obl", "output_buffer_length_bytes"),
        Map.entry("oll", "output_list_length"))))), desc(
        "output_buffer_memory_usage_bytes", "A connected client's output buffer memory usage in bytes",
        "total_memory_consumed_bytes", "Total memory consumed by a client in its various buffers",
        "created_at_timestamp", "A connected client's creation timestamp",
        "idle_since_timestamp", "A connected client's idle since timestamp",
        "channel_subscriptions_count", "A connected client's number of channel subscriptions",
        "pattern_matching_subscriptions_count", "A connected client's number of pattern matching subscriptions",
        "shard_channel_subscriptions_count", "a connected client's number of shard channel subscriptions",
        "shard_channel_watched_keys", "a connected client's number of keys it's currently watching",
        "query_buffer_length_bytes", "A connected client's query buffer length in bytes (0 means no query pending)",
        "query_buffer_free_space_bytes",
        "A connected client's free space of the query buffer in bytes (0 means the buffer is full)",
        "output_buffer_length_bytes", "A connected client's output buffer length in bytes",
        "output_list_length",
        "A connected client's output list length (replies are queued in this list when the buffer is full)"),
        List.of("id", "name"), "--export-client-list"));
    return out;
  }

  private static RowShaping level(String level) {
    return new RowShaping(List.of(new Match(Map.of("level", Pattern.compile(Pattern.quote(level))))));
  }

  private static RowShaping set(String column) {
    return new RowShaping(List.of(new SetColumns(Map.of(column, "1"))));
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
    try {
      return definition(collector, context, RedisRequest.parse(request), rows, desc, labels, source);
    } catch (InvalidRequestException e) {
      throw new ConfigException(source, 0, "", e.describe());
    }
  }

  private static MetricDefinition<RedisRequest> definition(String collector, String context, RedisRequest request,
      RowShaping rows, Map<String, String> desc, List<String> labels, String source) throws ConfigException {
    MetricDefinition.Builder<RedisRequest> b = MetricDefinition.<RedisRequest>builder()
        .collector(collector)
        .context(context)
        .rows(rows)
        .labels(labels)
        .ignoreZeroResult(true)
        .source(SourceLocation.of(source));
    b.request(request);
    desc.forEach(b::metric);
    try {
      return b.build();
    } catch (RuntimeException e) {
      throw new ConfigException(source, 0, "", e.getMessage());
    }
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
