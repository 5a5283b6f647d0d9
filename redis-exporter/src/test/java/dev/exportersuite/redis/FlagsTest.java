package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * redis_exporter's command line, checked with --check-config (nothing is opened, no server is needed): Go's flag
 * syntax (one or two dashes, {@code =v} or a separate value), every flag of redis_exporter 1.45 to 1.66, and
 * unknown flags.
 */
class FlagsTest {

  private static CommandRun.Result check(Map<String, String> env, String... flags) {
    List<String> args = new ArrayList<>(List.of("--check-config"));
    args.addAll(List.of(flags));
    return CommandRun.run(new RedisExporter(env), args.toArray(String[]::new));
  }

  private static CommandRun.Result check(String... flags) {
    return check(Map.of(), flags);
  }

  @Test
  void everyFlagTakesOneOrTwoDashesAndItsValueAfterEqualsOrAsTheNextWord() {
    for (List<String> form : List.of(
        List.of("-redis.addr=redis://cache-1:6380"), List.of("-redis.addr", "redis://cache-1:6380"),
        List.of("--redis.addr=redis://cache-1:6380"), List.of("--redis.addr", "redis://cache-1:6380"))) {
      CommandRun.Result r = check(form.toArray(String[]::new));
      assertThat(r.exitCode()).as(form + r.stderr()).isZero();
      assertThat(r.stdout()).as(form.toString()).contains("redis://cache-1:6380 as default (no password)");
    }
    // The core's flags too: each is read, as its check of a bad value shows.
    for (String flag : List.of("-web.listen-address", "--web.listen-address")) {
      assertThat(check(flag + "=nonsense:port").stderr()).as(flag).contains("error: --web.listen-address");
      assertThat(check(flag, "127.0.0.1:9999").exitCode()).as(flag).isZero();
    }
    assertThat(check("-log.level=loud").stderr()).contains("--log.level must be one of");
    assertThat(check("-log.level", "warn").exitCode()).isZero();
    assertThat(check("-web.telemetry-path=/m", "-no-default.metrics").stdout()).doesNotContain("redis_memory_used");
    assertThat(check("-custom.metrics", "no/such/file.yaml").stderr()).contains("no/such/file.yaml");
    CommandRun.Result version = CommandRun.run(new RedisExporter(Map.of()), "-version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.stdout()).startsWith("redis_exporter, version ");
    assertThat(CommandRun.run(new RedisExporter(Map.of()), "-help").stdout()).contains("-redis.addr");
  }

  @Test
  void aValueThatStartsWithADashIsTheFlagsValue() {
    CommandRun.Result r = check("-redis.password", "-s3cret", "-redis.addr", "redis://cache-1:6380");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("redis://cache-1:6380 as default (with a password)").doesNotContain("s3cret");
    assertThat(check("-redis.password=-hunter2").exitCode()).isZero();
    assertThat(check("-redis.password", "-hunter2").exitCode()).isZero();
    // Only a word that is exactly -h is the help flag, as in Go.
    assertThat(CommandRun.run(new RedisExporter(Map.of()), "-h").stdout()).contains("-redis.addr");
    assertThat(check("-check-keys-batch-size", "-5").stderr())
        .contains("--check-keys-batch-size: must be between 1 and 100000, found -5");
    assertThat(check("-max-distinct-key-groups=-1").stderr())
        .contains("--max-distinct-key-groups: must be between 1 and 100000, found -1");
    assertThat(check("-check-keys", "-weird-key").stdout()).contains("redis_key_size [db, key]");
  }

  @Test
  void anUnknownFlagIsOneLineWithTheClosestFlagAndNeverItsValue() {
    CommandRun.Result r = check("-include-sytem-metrics", "--redis.adr=redis://:s3cret@h:1", "-no-such-thing",
        "its-value", "stray");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines().filter(l -> l.startsWith("error: "))).containsExactly(
        "error: command line: -include-sytem-metrics: unknown option (did you mean '-include-system-metrics'?); "
            + "see --help",
        "error: command line: --redis.adr: unknown option (did you mean '--redis.addr'?); see --help",
        "error: command line: -no-such-thing: unknown option; see --help",
        "error: command line: an argument that is neither a flag nor a flag's value; flags start with - or --, and "
            + "a value with a space in it needs quotes; see --help");
    assertThat(r.stderr()).doesNotContain("s3cret").doesNotContain("its-value").doesNotContain("stray");
  }

  /**
   * Every flag of redis_exporter's main() from 1.45 to 1.66, as a Go user writes them; the server TLS flags need
   * real files and are in the core's TLS tests and {@link #serverTlsFilesThatDoNotExistStopTheStart}.
   */
  static final List<String> PEER_FLAGS = List.of("-redis.addr=redis://cache-1:6379", "-redis.user=exporter",
      "-redis.password=s3cret-pw", "-redis.password-file=", "-namespace=redis", "-check-keys=db1=user:*",
      "-check-single-keys=db1=counter", "-check-key-groups=^(%a+):", "-check-streams=db2=orders:*",
      "-check-single-streams=db2=events", "-streams-exclude-consumer-metrics", "-count-keys=db3=sess:*",
      "-check-keys-batch-size=500", "-script=", "-web.listen-address=127.0.0.1:9121", "-web.telemetry-path=/metrics",
      "-log-format=json", "-config-command=CONFIG", "-connection-timeout=5s", "-tls-client-key-file=/k",
      "-tls-client-cert-file=/c", "-tls-ca-cert-file=/ca", "-max-distinct-key-groups=50", "-debug",
      "-set-client-name=false", "-is-tile38", "-is-cluster=false", "-export-client-list", "-export-client-port",
      "-redis-only-metrics", "-ping-on-connect", "-include-config-metrics", "-include-modules-metrics",
      "-disable-exporting-key-values", "-exclude-latency-histogram-metrics", "-redact-config-metrics=false",
      "-include-system-metrics", "-skip-tls-verification=false");

  @Test
  void everyFlagOfRedisExporterIsAcceptedAndThoseWithoutEffectSaySo() {
    List<String> flags = new ArrayList<>(PEER_FLAGS);
    flags.removeIf(f -> f.startsWith("-redis.password-file") || f.startsWith("-script="));
    CommandRun.Result r = check(flags.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stderr().lines().filter(l -> l.contains("has no effect here"))
        .map(l -> l.substring(l.indexOf(" - ") + 3))).containsExactly(
        "--log-format has no effect here: logs are plain text lines",
        "--is-tile38 has no effect here: Tile38's own metrics (redis_tile38_*) are not collected; the "
            + "Redis-compatible INFO figures are",
        "--include-modules-metrics has no effect here: module metrics (redis_module_*) are not collected; an entry "
            + "with request INFO MODULES in a metrics file reads them",
        "--exclude-latency-histogram-metrics has no effect here: the latency histograms are not collected anyway "
            + "(redis_exporter 1.45's families)",
        "--redact-config-metrics=false has no effect here: passwords in the config (masterauth, requirepass, "
            + "tls-*-pass) are never exported");
    assertThat(r.stderr()).doesNotContain("s3cret-pw");
    assertThat(r.stdout()).contains("redis://cache-1:6379 as exporter (with a password)",
        "gauge redis_key_size [db, key]", "gauge redis_keys_count [db, key]",
        "gauge redis_stream_length [db, stream]", "gauge redis_stream_group_lag [db, stream, group]",
        "gauge redis_key_group_count [db, key_group]", "gauge redis_total_system_memory_bytes",
        "gauge redis_config_key_value [key, value]",
        "gauge redis_connected_clients_details [name, created_at, idle_since, flags, db, omem, cmd, host, port]",
        "gauge redis_connected_client_info [id, name, flags, db, host, port, user, resp]")
        .containsPattern("system +enabled").containsPattern("config_all +enabled")
        // --disable-exporting-key-values, --streams-exclude-consumer-metrics
        .doesNotContain("redis_key_value", "redis_stream_group_consumer_idle_seconds");
  }

  @Test
  void serverTlsFilesThatDoNotExistStopTheStart() {
    CommandRun.Result r = check("-tls-server-cert-file=/c", "-tls-server-key-file=/k");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("--tls-server-cert-file: /c: file not found")
        .contains("--tls-server-key-file: /k: file not found");
  }

  @Test
  void theEnvironmentSetsWhatNoFlagSetsAndAFlagWins() {
    Map<String, String> env = Map.of("REDIS_EXPORTER_EXPORT_CLIENT_LIST", "true",
        "REDIS_EXPORTER_INCL_SYSTEM_METRICS", "1", "REDIS_EXPORTER_CHECK_STREAMS", "orders:*",
        "REDIS_EXPORTER_IS_TILE38", "notabool");
    CommandRun.Result r = check(env, "-include-system-metrics=false");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("redis_connected_client_info", "redis_stream_length").containsPattern(
        "system +off");
    // Go's ParseBool refuses "notabool", so redis_exporter keeps the default: no line about --is-tile38.
    assertThat(r.stderr()).doesNotContain("--is-tile38");
    assertThat(check(Map.of("REDIS_EXPORTER_CHECK_KEYS_BATCH_SIZE", "0")).stderr())
        .contains("--check-keys-batch-size: must be between 1");
  }

  @Test
  void keyGroupPatternsAreReadAsOneCsvRecordAsRedisExporterReadsThem() throws Exception {
    assertThat(FlagCollectors.keyGroupPatterns(" ^(%a+): , \"^(a,b)\" ,,")).containsExactly("^(%a+):", "^(a,b)");
    assertThat(check("-check-key-groups=\"open").stderr())
        .contains("--check-key-groups: a quote is not closed");
  }
}
