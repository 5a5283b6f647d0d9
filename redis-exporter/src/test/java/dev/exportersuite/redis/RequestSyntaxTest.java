package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request syntax and its row steps, without a server; and that mistakes are refused at load with file:line. */
class RequestSyntaxTest {

  @TempDir
  Path dir;

  @Test
  void commandsAreSplitAsRedisCliDoesAndStepsFollowAnUnquotedPipe() {
    RedisRequest r = RedisRequest.parse("HGET \"my key\" 'a|b' | rename value=x");
    assertThat(r.args()).containsExactly("HGET", "my key", "a|b");
    assertThat(r.steps()).hasSize(1);
    assertThat(RedisRequest.parse("GET a|b").args()).containsExactly("GET", "a|b");
  }

  @Test
  void aScriptKeepsItsTextAndTakesStepsFromLinesStartingWithAPipe() {
    RedisRequest r = RedisRequest.parse("#!lua flags=no-writes\nlocal s = 'x | y'\nreturn {s, 1}\n| pairs\n");
    assertThat(r.kind()).isEqualTo(RedisRequest.Kind.SCRIPT);
    assertThat(r.script()).contains("local s = 'x | y'").doesNotContain("pairs");
    assertThat(r.steps()).hasSize(1);
  }

  @Test
  void keyChecksReadRedisExporterStyleTargets() {
    KeyCheck k = RedisRequest.parse("@keys match=db3=user:* key=counter batch=50 limit=99").keyCheck();
    assertThat(k.patterns()).containsExactly(new KeyCheck.Target(3, "user:*"));
    assertThat(k.keys()).containsExactly(new KeyCheck.Target(0, "counter"));
    assertThat(k.batch()).isEqualTo(50);
    assertThat(k.limit()).isEqualTo(99);
  }

  @Test
  void stepsReshapeRows() {
    List<Row> rows = List.of(Row.of("name", "db0", "field", "keys", "value", "5"),
        Row.of("name", "db0", "field", "expires", "value", "1"));
    assertThat(RowSteps.parse(List.of("pivot", "field", "value", "by", "name")).apply(rows))
        .containsExactly(Row.of("name", "db0", "keys", "5", "expires", "1"));
    assertThat(RowSteps.parse(List.of("match", "name", "db(\\d+)", "as", "n")).apply(rows))
        .extracting(r -> r.get("n")).containsExactly("0", "0");
    assertThat(RowSteps.parse(List.of("fill", "name=db0..db2", "field=keys", "with", "value=0")).apply(rows))
        .hasSize(4).contains(Row.of("name", "db2", "field", "keys", "value", "0"));
    assertThat(RowSteps.parse(List.of("calc", "x", "=", "value", "*", "2")).apply(rows.subList(0, 1)))
        .singleElement().satisfies(r -> assertThat(r.get("x")).isEqualTo(10.0));
    assertThat(RowSteps.parse(List.of("unpivot", "name")).apply(List.of(Row.of("name", "a", "x", 1, "y", 2))))
        .containsExactly(Row.of("name", "a", "field", "x", "value", 1), Row.of("name", "a", "field", "y", "value", 2));
  }

  @Test
  void mistakesSayWhatToWrite() {
    assertThatThrownBy(() -> RedisRequest.parse("INFO | frobnicate")).hasMessageContaining("known: match");
    assertThatThrownBy(() -> RedisRequest.parse("INFO | match name (")).hasMessageContaining("regular expression");
    assertThatThrownBy(() -> RedisRequest.parse("GET \"open")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> RedisRequest.parse("@keys")).hasMessageContaining("at least one match=");
    assertThatThrownBy(() -> RedisRequest.parse("@keys match=x limit=lots")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> RedisRequest.parse("@scan x")).hasMessageContaining("known: @keys");
    assertThatThrownBy(() -> RedisRequest.parse("INFO | fill db=db0..db3")).hasMessageContaining("with value=0");
  }

  /** Every bad request is reported in one go, each with its own line; the good ones are not mentioned. */
  @Test
  void everyBadRequestInAMetricsFileIsRefusedAtStartWithItsFileAndLine() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        metrics:
          - context: ok
            request: DBSIZE
            metricsdesc: {value: "keys"}
          - context: bad
            request: INFO | match name [unclosed
            metricsdesc: {value: "x"}
          - context: also_bad
            request: INFO | frobnicate
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
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":5: request: match: not a valid regular expression");
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("error: " + file + ":5: request: match: not a valid regular expression");
    assertThat(lines.get(1)).startsWith("error: " + file + ":8: request: ").contains("known: match");
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
