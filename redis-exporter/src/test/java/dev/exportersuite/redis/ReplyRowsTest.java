package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.YamlDocument;
import dev.exportersuite.core.config.YamlMapping;
import dev.exportersuite.core.rows.RowShapingParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How each reply shape of the real server becomes rows, through the executor the exporter uses. */
class ReplyRowsTest {

  private static final Duration T = Duration.ofSeconds(5);
  private static TestRedis redis;
  private static RedisExecutor executor;

  @BeforeAll
  static void start() {
    redis = new TestRedis();
    executor = new RedisExecutor(new RedisTarget(RedisAddress.parse(TestRedis.ADDR), Optional.empty(), Optional.empty(),
        Duration.ofSeconds(5), RedisTarget.Tls.NONE, RedisTarget.Session.DEFAULT));
    var r = redis.sync();
    r.rpush(redis.key("queue"), "a", "b", "c");
    r.set(redis.key("counter"), "42");
    r.hset(redis.key("hash"), Map.of("f1", "1", "f2", "two"));
    r.xadd(redis.key("orders"), Map.of("id", "1"));
    r.xgroupCreate(io.lettuce.core.XReadArgs.StreamOffset.from(redis.key("orders"), "0"), "billing");
    r.xgroupCreate(io.lettuce.core.XReadArgs.StreamOffset.from(redis.key("orders"), "$"), "shipping");
  }

  @AfterAll
  static void stop() {
    executor.close();
    redis.cleanup(0);
    redis.close();
  }

  private List<Row> rows(String request) throws Exception {
    return executor.fetch(RedisRequest.parse(request), T);
  }

  /** The reply's rows after an entry's {@code rows:} steps, given as YAML flow text. */
  private List<Row> rows(String request, String steps) throws Exception {
    YamlMapping entry = YamlMapping.of("t.yaml", "", YamlDocument.parse("t.yaml", "rows: " + steps));
    return RowShapingParser.parse(entry).apply(rows(request));
  }

  @Test
  void integerReplyIsOneValueRow() throws Exception {
    assertThat(rows("LLEN " + redis.key("queue"))).containsExactly(Row.of("value", 3L));
  }

  @Test
  void bulkStringIsOneValueRowAndNilIsNoRow() throws Exception {
    assertThat(rows("GET " + redis.key("counter"))).containsExactly(Row.of("value", "42"));
    assertThat(rows("GET " + redis.key("missing"))).isEmpty();
  }

  @Test
  void arrayOfValuesIsOneRowPerElement() throws Exception {
    assertThat(rows("LRANGE " + redis.key("queue") + " 0 -1")).containsExactly(
        Row.of("index", 0L, "value", "a"), Row.of("index", 1L, "value", "b"), Row.of("index", 2L, "value", "c"));
  }

  @Test
  void mapIsOneRowWithItsKeysAsColumns() throws Exception {
    assertThat(rows("HGETALL " + redis.key("hash"))).singleElement()
        .satisfies(r -> assertThat(r.values()).containsEntry("f1", "1").containsEntry("f2", "two"));
    assertThat(rows("CONFIG GET maxmemory")).containsExactly(Row.of("maxmemory", "0"));
  }

  @Test
  void arrayOfMapsIsOneRowPerMap() throws Exception {
    List<Row> groups = rows("XINFO GROUPS " + redis.key("orders"));
    assertThat(groups).hasSize(2);
    assertThat(groups).extracting(r -> r.get("name")).containsExactly("billing", "shipping");
    assertThat(groups.get(0).get("consumers")).isEqualTo(0L);
  }

  @Test
  void arrayOfArraysIsOneRowPerInnerArrayByPosition() throws Exception {
    List<Row> rows = rows("SCAN 0 MATCH " + redis.key("queue") + " COUNT 100000");
    // SCAN answers [cursor, [keys]]: an array of a value and an array, so it is a list of values.
    assertThat(rows).hasSize(2);
    List<Row> slowlog = rows("SLOWLOG GET 1", "[fill: {with: {c0: 0, c2: 0}}]");
    assertThat(slowlog).isNotEmpty();
    assertThat(slowlog.get(0).columns()).contains("c0", "c2");
  }

  @Test
  void infoTextIsOneRowPerFigure() throws Exception {
    List<Row> rows = rows("INFO clients");
    assertThat(rows).contains(Row.of("section", "clients", "name", "connected_clients", "field", "connected_clients",
        "value", rows.stream().filter(r -> r.get("name").equals("connected_clients")).findFirst().orElseThrow()
            .get("value")));
    List<Row> commands = rows("INFO commandstats", "[match: {name: 'cmdstat_(?<cmd>.+)'}, match: {cmd: llen}]");
    assertThat(commands).extracting(r -> r.get("field"))
        .containsExactly("calls", "usec", "usec_per_call", "rejected_calls", "failed_calls");
  }

  @Test
  void keyspaceLinesSplitIntoPairsAndFillAddsEmptyDatabases() throws Exception {
    List<Row> rows = rows("INFO keyspace", "[match: {name: '(?<db>db\\d+)'}, "
        + "fill: {keys: {db: db0..db15, field: [keys, expires]}, with: {value: 0}}]");
    assertThat(rows).filteredOn(r -> "db15".equals(r.get("db")) && "keys".equals(r.get("field"))).singleElement()
        .satisfies(r -> assertThat(String.valueOf(r.get("value"))).isNotEmpty());
    assertThat(rows).filteredOn(r -> "db0".equals(r.get("db")) && "keys".equals(r.get("field"))).hasSize(1);
  }

  @Test
  void pairsReadsAFlatListOrAMapAlike() throws Exception {
    assertThat(rows("CONFIG GET maxclients", "[pairs]")).containsExactly(Row.of("field", "maxclients", "value", "10000"));
    assertThat(rows("#!lua\nreturn {'a', 1, 'b', '2.5'}", "[pairs]")).containsExactly(
        Row.of("field", "a", "value", 1L), Row.of("field", "b", "value", "2.5"));
  }

  @Test
  void scriptRunsAndIsCachedByDigest() throws Exception {
    String script = "#!lua flags=no-writes\nreturn redis.call('LLEN', '" + redis.key("queue") + "')";
    assertThat(rows(script)).containsExactly(Row.of("value", 3L));
    assertThat(rows(script)).containsExactly(Row.of("value", 3L));
  }

  @Test
  void calcAndPivotComputeFromSeveralFigures() throws Exception {
    List<Row> rows = rows("INFO server", "[pivot, calc: {started: server_time_usec / 1000000}, "
        + "calc: {started: started - uptime_in_seconds}]");
    assertThat(rows).singleElement().satisfies(r -> assertThat((Double) r.get("started"))
        .isBetween(1.0e9, System.currentTimeMillis() / 1000.0 + 1));
  }

  @Test
  void serverErrorsComeBackWithTheServersMessage() {
    assertThatThrownBy(() -> rows("LLEN " + redis.key("counter"))).hasMessageContaining("WRONGTYPE");
    assertThatThrownBy(() -> rows("NOSUCHCOMMAND x")).hasMessageContaining("unknown command");
    assertThatThrownBy(() -> rows("EVALSHA 0123456789012345678901234567890123456789 0"))
        .hasMessageContaining("NOSCRIPT");
  }
}
