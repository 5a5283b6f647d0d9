package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request syntax, without a server; and that mistakes are refused at load with file:line. */
class RequestSyntaxTest {

  @TempDir
  Path dir;

  @Test
  void commandsAreSplitAsRedisCliDoesAndAQuotedPipeIsAnArgument() throws Exception {
    RedisRequest r = RedisRequest.parse("HGET \"my key\" 'a|b'");
    assertThat(r.args()).containsExactly("HGET", "my key", "a|b");
    assertThat(RedisRequest.parse("GET a|b").args()).containsExactly("GET", "a|b");
  }

  @Test
  void equalRequestsAreOneRoundTripWhateverTheCaseOfTheCommand() throws Exception {
    assertThat(RedisRequest.parse("info ALL")).isEqualTo(RedisRequest.parse("INFO  ALL"));
    assertThat(RedisRequest.parse("GET Key")).isNotEqualTo(RedisRequest.parse("GET key"));
  }

  @Test
  void aScriptKeepsItsText() throws Exception {
    RedisRequest r = RedisRequest.parse("#!lua flags=no-writes\nlocal s = 'x | y'\nreturn {s, 1}\n");
    assertThat(r.kind()).isEqualTo(RedisRequest.Kind.SCRIPT);
    assertThat(r.script()).contains("local s = 'x | y'");
  }

  @Test
  void keyChecksReadRedisExporterStyleTargets() throws Exception {
    KeyCheck k = RedisRequest.parse("@keys match=db3=user:* key=counter batch=50 limit=99").keyCheck();
    assertThat(k.patterns()).containsExactly(new KeyCheck.DbKey(3, "user:*"));
    assertThat(k.keys()).containsExactly(new KeyCheck.DbKey(0, "counter"));
    assertThat(k.batch()).isEqualTo(50);
    assertThat(k.limit()).isEqualTo(99);
  }

  @Test
  void mistakesSayWhatToWrite() {
    assertThatThrownBy(() -> RedisRequest.parse("GET \"open")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> RedisRequest.parse("@keys")).hasMessageContaining("at least one match=");
    assertThatThrownBy(() -> RedisRequest.parse("@keys match=x limit=lots")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> RedisRequest.parse("@scan x")).hasMessageContaining("known: @keys");
    // The row steps of earlier versions moved to the entry's rows: list; an old file says so at load.
    assertThatThrownBy(() -> RedisRequest.parse("INFO ALL | pivot")).hasMessageContaining("rows:");
    assertThatThrownBy(() -> RedisRequest.parse("#!lua\nreturn {}\n| pairs")).hasMessageContaining("rows:");
  }

  /**
   * Every bad request is reported in one go, each with its own line (for a literal block, the line of the part
   * that is wrong); the good ones are not mentioned.
   */
  @Test
  void everyBadRequestInAMetricsFileIsRefusedAtStartWithItsFileAndLine() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        metrics:
          - context: ok
            request: DBSIZE
            metricsdesc: {value: "keys"}
          - context: bad
            request: GET "unclosed
            metricsdesc: {value: "x"}
          - context: also_bad
            request: |
              INFO ALL
              | pivot
            metricsdesc: {value: "y"}
        """);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = RedisExporter.run(new RedisExporter(Map.of()), "--check-config", "--custom.metrics=" + file);
    } finally {
      System.setErr(old);
    }
    assertThat(code).isEqualTo(1);
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("error: " + file + ":6: metrics[1].request: a quote \" is not closed");
    assertThat(lines.get(1)).startsWith("error: " + file + ":11: metrics[2].request: row steps after '|'")
        .endsWith("(at '|')");
  }

  @Test
  void theDefaultsLoadAndCheck() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = RedisExporter.run(new RedisExporter(Map.of()), "--check-config", "--check-keys=db1=a*",
          "--count-keys=b*");
    } finally {
      System.setOut(old);
    }
    assertThat(code).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("redis_key_size").contains("redis_keys_count")
        .contains("classpath:redis/default-metrics.yaml");
  }
}
