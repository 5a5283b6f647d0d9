package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --max-distinct-key-groups: the largest groups by memory keep their name, the rest are summed as overflow. */
class KeyGroupOverflowTest {

  private static KeyGroupReader.Totals totals(long count, long bytes) {
    return new KeyGroupReader.Totals(count, bytes);
  }

  @Test
  void groupsBeyondTheMostAreSummedAsOverflowInRedisExportersOrder() {
    Map<String, KeyGroupReader.Totals> groups = new LinkedHashMap<>();
    groups.put("small", totals(9, 100));
    groups.put("big", totals(1, 5000));
    groups.put("tie-b", totals(3, 700));
    groups.put("tie-a", totals(3, 700));
    groups.put("fewer", totals(2, 700));
    List<Row> rows = KeyGroupReader.dbRows("db4", groups, 3);
    assertThat(rows).extracting(r -> r.get("key_group")).containsExactly("big", "fewer", "tie-a", "overflow", null);
    assertThat(rows.get(3).get("count")).isEqualTo(12.0);
    assertThat(rows.get(3).get("memory_usage_bytes")).isEqualTo(800.0);
    assertThat(rows.get(4).get("distinct")).isEqualTo(5.0);
    assertThat(KeyGroupReader.dbRows("db4", groups, 5)).hasSize(6).noneMatch(r -> "overflow".equals(r.get("key_group")));
  }
}
