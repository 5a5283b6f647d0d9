package dev.exportersuite.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each step does to rows, built in code as the redis module builds its --script steps. */
class StepsTest {

  /** INFO ALL as the redis module gives it: one row per figure. */
  private static final List<Row> INFO = List.of(
      info("server", "redis_version", "redis_version", "7.0.15"),
      info("server", "uptime_in_seconds", "uptime_in_seconds", "100"),
      info("server", "server_time_usec", "server_time_usec", "1700000000500000"),
      info("commandstats", "cmdstat_get", "calls", "7"),
      info("commandstats", "cmdstat_get", "usec", "21"),
      info("commandstats", "cmdstat_config|get", "calls", "2"),
      info("keyspace", "db0", "keys", "12"),
      info("keyspace", "db0", "expires", "3"),
      info("keyspace", "db0", "avg_ttl", "0"));

  private static Row info(String section, String name, String field, String value) {
    return Row.of("section", section, "name", name, "field", field, "value", value);
  }

  private static Match match(String... columnsAndRegexes) {
    Map<String, Pattern> m = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndRegexes.length; i += 2) {
      m.put(columnsAndRegexes[i], Pattern.compile(columnsAndRegexes[i + 1]));
    }
    return new Match(m);
  }

  @Test
  void matchKeepsRowsWhereEveryColumnFullyMatchesAndNamedGroupsBecomeColumns() {
    List<Row> rows = match("section", "commandstats", "name", "cmdstat_(?<cmd>.+)").apply(INFO);
    assertThat(rows).extracting(r -> r.get("cmd")).containsExactly("get", "get", "config|get");
    assertThat(rows.get(0)).isEqualTo(Row.of("section", "commandstats", "name", "cmdstat_get", "field", "calls",
        "value", "7", "cmd", "get"));
    // Full match only: "db" alone does not match "db0".
    assertThat(match("name", "db").apply(INFO)).isEmpty();
    assertThat(match("section", "keyspace", "field", "keys|expires").apply(INFO)).hasSize(2);
  }

  @Test
  void matchGroupNamesAreLowerCasedAndAGroupThatMatchedNothingIsNull() {
    List<Row> rows = match("name", "db(?<dbNumber>\\d+)(?<suffix>x)?").apply(INFO);
    assertThat(rows).hasSize(3).allSatisfy(r -> {
      assertThat(r.get("dbnumber")).isEqualTo("0");
      assertThat(r.has("suffix")).isTrue();
      assertThat(r.get("suffix")).isNull();
    });
  }

  @Test
  void matchReadsAMissingColumnAsEmptyAndNumbersAsTheirText() {
    assertThat(match("absent", "").apply(List.of(Row.of("a", 1)))).hasSize(1);
    assertThat(match("absent", ".+").apply(List.of(Row.of("a", 1)))).isEmpty();
    // A whole double reads as "3", not "3.0", so a key computed by calc still matches.
    assertThat(match("v", "3").apply(List.of(Row.of("v", 3.0), Row.of("v", 3L), Row.of("v", 3.5)))).hasSize(2);
  }

  @Test
  void matchIgnoresGroupLookalikesThatAreNotGroups() {
    Match m = match("name", "[(?<x>]*|\\(?<y>a");
    assertThat(m.apply(List.of(Row.of("name", "<y>a")))).singleElement()
        .satisfies(r -> assertThat(r.columns()).containsExactly("name"));
  }

  @Test
  void renameRenamesColumnsInPlace() {
    assertThat(new Rename(Map.of("c0", "event_name")).apply(List.of(Row.of("c0", "fork", "c1", 5L))))
        .singleElement().satisfies(r -> assertThat(r.columns()).containsExactly("event_name", "c1"));
    assertThat(new Rename(Map.of("Value", "LENGTH")).apply(List.of(Row.of("value", 3L))))
        .containsExactly(Row.of("length", 3L));
    assertThat(new Rename(Map.of("missing", "x")).apply(List.of(Row.of("value", 3L))))
        .containsExactly(Row.of("value", 3L));
  }

  @Test
  void setAddsOrReplacesConstantTextColumns() {
    assertThat(new SetColumns(Map.of("info", "1")).apply(List.of(Row.of("a", 1L), Row.of("info", 5L))))
        .containsExactly(Row.of("a", 1L, "info", "1"), Row.of("info", "1"));
  }

  @Test
  void pairsReadsAFlatListOfKeysAndValues() {
    List<Row> flat = List.of(Row.of("index", 0L, "value", "maxclients"), Row.of("index", 1L, "value", "10000"),
        Row.of("index", 2L, "value", 3.0), Row.of("index", 3L, "value", 1L));
    assertThat(new Pairs().apply(flat)).containsExactly(Row.of("field", "maxclients", "value", "10000"),
        Row.of("field", "3", "value", 1L));
    assertThat(new Pairs().apply(List.of())).isEmpty();
  }

  @Test
  void pairsUnpivotsAMapSoThatBothProtocolsGiveTheSameRows() {
    assertThat(new Pairs().apply(List.of(Row.of("maxclients", "10000", "maxmemory", "0"))))
        .containsExactly(Row.of("field", "maxclients", "value", "10000"), Row.of("field", "maxmemory", "value", "0"));
  }

  @Test
  void pairsRefusesAnOddCountWithoutQuotingTheData() {
    List<Row> odd = List.of(Row.of("index", 0L, "value", "secret"), Row.of("index", 1L, "value", "1"),
        Row.of("index", 2L, "value", "dangling"));
    assertThatThrownBy(() -> new Pairs().apply(odd)).isInstanceOf(RowShapingException.class)
        .hasMessage("the reply has an odd number of elements (3)");
  }

  @Test
  void unpivotMakesARowPerOtherColumn() {
    assertThat(new Unpivot(List.of("name"), "field", "value").apply(List.of(Row.of("name", "a", "x", 1, "y", 2))))
        .containsExactly(Row.of("name", "a", "field", "x", "value", 1), Row.of("name", "a", "field", "y", "value", 2));
    assertThat(new Unpivot().apply(List.of(Row.of("c0", 0L, "c2", 5L))))
        .containsExactly(Row.of("field", "c0", "value", 0L), Row.of("field", "c2", "value", 5L));
  }

  @Test
  void unpivotNamesItsColumnsAndAKeptColumnARowLacksIsNull() {
    Unpivot u = new Unpivot(List.of("Master_Host", "connection_name"), "column", "v");
    assertThat(u.apply(List.of(Row.of("master_host", "db1", "seconds_behind_master", 3L))))
        .containsExactly(new Row(nulls("master_host", "db1", "connection_name", null, "column",
            "seconds_behind_master", "v", 3L)));
  }

  @Test
  void pivotMakesOneRowWithAColumnPerNameAndTheFirstValueWins() {
    List<Row> rows = List.of(Row.of("name", "a", "value", "1"), Row.of("name", "b", "value", "2"),
        Row.of("name", "a", "value", "3"));
    assertThat(new Pivot().apply(rows)).containsExactly(Row.of("a", "1", "b", "2"));
    assertThat(new Pivot().apply(List.of())).isEmpty();
  }

  @Test
  void pivotByAColumnMakesOneRowPerGroup() {
    List<Row> rows = List.of(Row.of("name", "db0", "field", "keys", "value", "5"),
        Row.of("name", "db0", "field", "expires", "value", "1"), Row.of("name", "db1", "field", "keys", "value", "2"));
    assertThat(new Pivot("field", "value", "name").apply(rows))
        .containsExactly(Row.of("name", "db0", "keys", "5", "expires", "1"), Row.of("name", "db1", "keys", "2"));
    // The group column is never overwritten by a name of the same text.
    assertThat(new Pivot("field", "value", "name").apply(List.of(Row.of("name", "x", "field", "name", "value", 1))))
        .containsExactly(Row.of("name", "x"));
  }

  @Test
  void calcComputesInOrderWithColumnsAndNumbers() {
    Map<String, Calc.Formula> f = new LinkedHashMap<>();
    f.put("start_time_seconds", Calc.Formula.parse("server_time_usec / 1000000"));
    f.put("Start_Time_Seconds2", Calc.Formula.parse("start_time_seconds-uptime_in_seconds"));
    List<Row> server = new Pivot().apply(match("section", "server").apply(INFO));
    assertThat(new Calc(f).apply(server)).singleElement().satisfies(r -> {
      assertThat(r.get("start_time_seconds")).isEqualTo(1700000000.5);
      assertThat(r.get("start_time_seconds2")).isEqualTo(1700000000.5 - 100);
    });
    Row row = Row.of("a", 6L, "b", "4", "t", "text", "n", null);
    assertThat(calc("a + b", row)).isEqualTo(10.0);
    assertThat(calc("a - -1", row)).isEqualTo(7.0);
    assertThat(calc("a * 2", row)).isEqualTo(12.0);
    assertThat(calc("3 / b", row)).isEqualTo(0.75);
  }

  @Test
  void calcGivesNullForDivisionByZeroAndForMissingOrNonNumericOperands() {
    Row row = Row.of("a", 6L, "zero", 0, "t", "text", "n", null);
    assertThat(calc("a / 0", row)).isNull();
    assertThat(calc("a / zero", row)).isNull();
    assertThat(calc("a + t", row)).isNull();
    assertThat(calc("a + n", row)).isNull();
    assertThat(calc("a + missing", row)).isNull();
  }

  private static Object calc(String formula, Row row) {
    return new Calc(Map.of("x", Calc.Formula.parse(formula))).apply(List.of(row)).get(0).get("x");
  }

  @Test
  void sumAddsUpEachCombinationOfTheByColumnsInTheOrderFirstSeen() {
    List<Row> offsets = List.of(
        Row.of("consumergroup", "g1", "topic", "orders", "partition", 0, "current_offset", 10L, "lag", 2L),
        Row.of("consumergroup", "g2", "topic", "orders", "partition", 0, "current_offset", 7, "lag", null),
        Row.of("consumergroup", "g1", "topic", "orders", "partition", 1, "current_offset", 20L, "lag", 3L),
        Row.of("consumergroup", "g1", "topic", "audit", "partition", 0, "current_offset", "5", "lag", 0L));
    List<Row> sums = new Sum(List.of("consumergroup", "topic"), List.of("current_offset", "lag")).apply(offsets);
    assertThat(sums).containsExactly(
        Row.of("consumergroup", "g1", "topic", "orders", "current_offset", 30L, "lag", 5L),
        // Every lag of g2 is null: its sum is null too (no sample), not 0.
        Row.of("consumergroup", "g2", "topic", "orders", "current_offset", 7L, "lag", null),
        Row.of("consumergroup", "g1", "topic", "audit", "current_offset", 5L, "lag", 0L));
    assertThat(new Sum(List.of(), List.of("lag")).apply(offsets)).containsExactly(Row.of("lag", 5L));
    assertThat(new Sum(List.of(), List.of("lag")).apply(List.of())).isEmpty();
  }

  @Test
  void sumKeepsTheByValuesAsTheFirstRowHasThemAndComparesThemAsText() {
    List<Row> rows = List.of(Row.of("p", 3, "v", 1), Row.of("p", 3.0, "v", 2), Row.of("p", null, "v", 4),
        Row.of("v", 8));
    // 3 and 3.0 read as "3"; a null and a missing column both read as empty text.
    assertThat(new Sum(List.of("P"), List.of("V")).apply(rows)).containsExactly(Row.of("p", 3, "v", 3L),
        Row.of("p", null, "v", 12L));
  }

  @Test
  void sumIsExactForWholeNumbersAndADoubleOnceAFractionOrAnOverflowComesIn() {
    assertThat(sum(Row.of("v", 9_007_199_254_740_993L), Row.of("v", 1))).isEqualTo(9_007_199_254_740_994L);
    assertThat(sum(Row.of("v", 1), Row.of("v", 0.5), Row.of("v", "2"))).isEqualTo(3.5);
    assertThat(sum(Row.of("v", Long.MAX_VALUE), Row.of("v", 1L))).isEqualTo(Math.pow(2, 63));
    assertThat(sum(Row.of("v", true), Row.of("v", new java.math.BigDecimal("2.00")))).isEqualTo(3L);
  }

  @Test
  void sumRefusesTextThatIsNotANumberWithoutQuotingIt() {
    assertThatThrownBy(() -> new Sum(List.of(), List.of("v")).apply(List.of(Row.of("v", 1), Row.of("v", "secret"))))
        .isInstanceOf(RowShapingException.class)
        .hasMessage("column 'v' of row 2 is text that is not a number");
  }

  private static Object sum(Row... rows) {
    return new Sum(List.of(), List.of("v")).apply(List.of(rows)).get(0).get("v");
  }

  @Test
  void fillAddsEveryMissingCombinationWithTheWithColumns() {
    List<Row> rows = List.of(Row.of("name", "db0", "field", "keys", "value", "5"),
        Row.of("name", "db0", "field", "expires", "value", "1"));
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("name", ValueRange.expand("db0..db2"));
    keys.put("field", List.of("keys"));
    List<Row> out = new Fill(keys, Map.of("value", "0")).apply(rows);
    assertThat(out).containsExactly(rows.get(0), rows.get(1), Row.of("name", "db1", "field", "keys", "value", "0"),
        Row.of("name", "db2", "field", "keys", "value", "0"));
  }

  @Test
  void fillCombinesKeysFirstKeySlowestAndComparesAsText() {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("db", List.of("0", "1"));
    keys.put("field", List.of("keys", "expires"));
    List<Row> out = new Fill(keys, Map.of("value", "0")).apply(List.of(Row.of("db", 1.0, "field", "keys")));
    assertThat(out).extracting(r -> r.get("db") + "/" + r.get("field"))
        .containsExactly("1.0/keys", "0/keys", "0/expires", "1/expires");
  }

  @Test
  void fillWithoutKeysAddsOneRowOnlyWhenThereAreNone() {
    Fill f = new Fill(Map.of(), Map.of("c0", "0", "c2", "0"));
    assertThat(f.apply(List.of())).containsExactly(Row.of("c0", "0", "c2", "0"));
    assertThat(f.apply(List.of(Row.of("c0", 7L)))).containsExactly(Row.of("c0", 7L));
  }

  @Test
  void rangesExpandWithOnePrefix() {
    assertThat(ValueRange.expand("db0..db3")).containsExactly("db0", "db1", "db2", "db3");
    assertThat(ValueRange.expand("8..10")).containsExactly("8", "9", "10");
    assertThat(ValueRange.expand("db7..7")).containsExactly("db7");
    assertThat(ValueRange.expand("keys")).containsExactly("keys");
    assertThat(ValueRange.expand("1..4096")).hasSize(4096);
    assertThatThrownBy(() -> ValueRange.expand("1..4097")).hasMessageContaining("at most 4096 values");
    assertThatThrownBy(() -> ValueRange.expand("db3..db1")).hasMessageContaining("must go up");
    assertThatThrownBy(() -> ValueRange.expand("db0..x1")).hasMessageContaining("one prefix");
    assertThatThrownBy(() -> ValueRange.expand("0..99999999999999999999")).hasMessageContaining("above 999999999");
  }

  /** The redis defaults' pipelines, step by step, on INFO rows. */
  @Test
  void stepsChainAsTheRedisDefaultsUseThem() {
    RowShaping keyspace = RowShaping.of(match("section", "keyspace", "name", "(?<db>db\\d+)"),
        new Fill(keysOf("db", ValueRange.expand("db0..db15"), "field", List.of("keys", "expires")),
            Map.of("value", "0")));
    List<Row> rows = keyspace.apply(INFO);
    assertThat(rows).hasSize(3 + 30);
    assertThat(rows).filteredOn(r -> "db0".equals(r.get("db")) && "keys".equals(r.get("field")))
        .singleElement().satisfies(r -> assertThat(r.get("value")).isEqualTo("12"));
    assertThat(rows).contains(Row.of("db", "db15", "field", "expires", "value", "0"));

    RowShaping instance = RowShaping.of(new Pivot(), new SetColumns(Map.of("info", "1")));
    assertThat(instance.apply(INFO)).singleElement().satisfies(r -> {
      assertThat(r.get("redis_version")).isEqualTo("7.0.15");
      assertThat(r.get("db0")).isEqualTo("12");
      assertThat(r.get("info")).isEqualTo("1");
    });

    RowShaping script = RowShaping.of(new Pairs(), new Rename(Map.of("field", "key", "value", "values")));
    assertThat(script.apply(List.of(Row.of("index", 0L, "value", "a"), Row.of("index", 1L, "value", 1L))))
        .containsExactly(Row.of("key", "a", "values", 1L));
  }

  private static Map<String, List<String>> keysOf(String k1, List<String> v1, String k2, List<String> v2) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Map<String, Object> nulls(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void stepsDoNotChangeTheirInput() {
    List<Row> input = List.of(Row.of("name", "a", "value", "1"));
    new Pivot().apply(input);
    new Unpivot().apply(input);
    new Fill(Map.of(), Map.of("x", "0")).apply(input);
    assertThat(input).containsExactly(Row.of("name", "a", "value", "1"));
  }
}
