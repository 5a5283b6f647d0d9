package dev.exportersuite.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  private final Columns info = Columns.of("Section", "name", "field", "value");

  @Test
  void aRowIsTheRowOfItsOwnMapWithTheSameColumnsAndValues() {
    Row shared = info.row("keyspace", "db0", "keys", null);
    Row own = Row.of("section", "keyspace", "name", "db0", "field", "keys", "value", null);

    assertThat(shared).isEqualTo(own);
    assertThat(own).isEqualTo(shared);
    assertThat(shared.hashCode()).isEqualTo(own.hashCode());
    assertThat(shared.values()).hasToString(own.values().toString());
    assertThat(new ArrayList<>(shared.columns())).containsExactly("section", "name", "field", "value");
  }

  @Test
  void readsColumnsAsRowsDoAndCannotBeChanged() {
    Row row = info.row("server", "redis_version", "redis_version", "7.2.4");

    assertThat(row.get("SECTION")).isEqualTo("server");
    assertThat(row.has("Value")).isTrue();
    assertThat(row.has("db")).isFalse();
    assertThat(row.get("db")).isNull();
    List<String> seen = new ArrayList<>();
    row.values().forEach((k, v) -> seen.add(k + "=" + v));
    assertThat(seen).containsExactly("section=server", "name=redis_version", "field=redis_version", "value=7.2.4");
    assertThat(row.with(Map.of("Value", 1))).isEqualTo(
        Row.of("section", "server", "name", "redis_version", "field", "redis_version", "value", 1));
    assertThatThrownBy(() -> row.values().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.values().entrySet().iterator().next().setValue(1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withAddsColumnsAfterTheRowsOwnAndReplacesOneItHasInPlace() {
    Row row = info.row("commandstats", "cmdstat_get", "calls", "3");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("Cmd", "get");
    extra.put("quantile", null);

    Row added = row.with(extra);
    assertThat(new ArrayList<>(added.columns()))
        .containsExactly("section", "name", "field", "value", "cmd", "quantile");
    assertThat(added).isEqualTo(Row.of("section", "commandstats", "name", "cmdstat_get", "field", "calls", "value", "3",
        "cmd", "get", "quantile", null));
    assertThat(added.has("quantile")).isTrue();
    assertThat(row.has("cmd")).isFalse();

    Map<String, Object> twice = new LinkedHashMap<>();
    twice.put("Cmd", "a");
    twice.put("cmd", "b");
    assertThat(row.with(twice).get("cmd")).isEqualTo("b");
    assertThat(new ArrayList<>(row.with(Map.of("FIELD", "usec")).columns()))
        .containsExactly("section", "name", "field", "value");
    assertThat(row.with(Map.of("FIELD", "usec")).get("field")).isEqualTo("usec");
  }

  @Test
  void refusesANameTwiceAndTheWrongNumberOfValues() {
    assertThatThrownBy(() -> Columns.of("field", "FIELD")).hasMessageContaining("'field' is given twice");
    assertThatThrownBy(() -> info.row("a", "b")).hasMessageContaining("4 columns");
  }
}
