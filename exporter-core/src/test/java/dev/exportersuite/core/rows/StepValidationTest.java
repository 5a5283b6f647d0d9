package dev.exportersuite.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Steps built in code are checked as the parsed ones are, and say how to fix what is wrong. */
class StepValidationTest {

  private static <V> Map<String, V> twoKeys(String k1, V v1, String k2, V v2) {
    Map<String, V> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  @Test
  void emptyArgumentsAreRefusedWithAnExample() {
    assertThatThrownBy(() -> new Match(Map.of())).hasMessageContaining("match needs at least one COLUMN: REGEX");
    assertThatThrownBy(() -> new Rename(Map.of())).hasMessageContaining("e.g. {value: length}");
    assertThatThrownBy(() -> new SetColumns(Map.of())).hasMessageContaining("e.g. {info: 1}");
    assertThatThrownBy(() -> new Calc(Map.of())).hasMessageContaining("calc needs at least one");
    assertThatThrownBy(() -> new Fill(Map.of(), Map.of())).hasMessageContaining("with: {value: 0}");
    assertThatThrownBy(() -> new Fill(Map.of("db", List.of()), Map.of("value", "0")))
        .hasMessageContaining("key column 'db' has no values");
  }

  @Test
  void columnNamesAreLowerCasedAndTwoSpellingsOfOneColumnAreRefused() {
    assertThat(new Match(Map.of("Name", Pattern.compile("x"))).columns()).containsOnlyKeys("name");
    assertThat(new SetColumns(Map.of("Info", "1")).values()).containsEntry("info", "1");
    assertThatThrownBy(() -> new Rename(twoKeys("A", "x", "a", "y"))).hasMessageContaining("'a' is given twice");
    assertThatThrownBy(() -> new SetColumns(twoKeys("A", "1", "a", "2"))).hasMessageContaining("given twice");
    assertThatThrownBy(() -> new Rename(Map.of("a", " "))).hasMessageContaining("must be a column name");
    assertThatThrownBy(() -> new Pivot(null, "value", null)).hasMessageContaining("pivot: name must be a column");
  }

  @Test
  void matchRefusesTwoGroupsFillingOneColumn() {
    assertThatThrownBy(() -> new Match(twoKeys("name", Pattern.compile("(?<x>.)"), "field",
        Pattern.compile("(?<X>.)")))).hasMessageContaining("two groups would both fill column 'x'")
        .hasMessageContaining("'name' and 'field'");
  }

  @Test
  void sumNeedsColumnsEachListedOnceAndNoneAlsoGroupedBy() {
    assertThatThrownBy(() -> new Sum(List.of("a"), List.of())).hasMessageContaining("sum needs columns");
    assertThatThrownBy(() -> new Sum(List.of("a", "A"), List.of("v"))).hasMessageContaining("'a' is listed twice in by");
    assertThatThrownBy(() -> new Sum(List.of("V"), List.of("v"))).hasMessageContaining("'v' is both in by and in");
    assertThatThrownBy(() -> new Sum(List.of(), List.of(" "))).hasMessageContaining("must be a column name");
    assertThat(new Sum(List.of("Topic"), List.of("Lag"))).isEqualTo(new Sum(List.of("topic"), List.of("lag")));
  }

  @Test
  void unpivotAndPivotNeedDistinctColumns() {
    assertThatThrownBy(() -> new Unpivot(List.of(), "v", "V")).hasMessageContaining("give them two columns");
    assertThatThrownBy(() -> new Unpivot(List.of("field"), "field", "value"))
        .hasMessageContaining("'field' is both kept and written");
    assertThatThrownBy(() -> new Pivot("a", "a", null)).hasMessageContaining("give them two columns");
    assertThatThrownBy(() -> new Pivot("field", "value", "field")).hasMessageContaining("group by another column");
    assertThat(new Unpivot(List.of("a", "A"), "field", "value").keep()).containsExactly("a");
  }

  @Test
  void formulasAreOneOperatorBetweenTwoOperands() {
    assertThat(Calc.Formula.parse(" Server_Time_Usec/1000000 "))
        .isEqualTo(new Calc.Formula("server_time_usec", '/', "1000000"));
    assertThat(Calc.Formula.parse("a - b").toString()).isEqualTo("a - b");
    assertThatThrownBy(() -> Calc.Formula.parse("a")).hasMessageContaining("write 'A OP B'");
    assertThatThrownBy(() -> Calc.Formula.parse("a ^ b")).hasMessageContaining("write 'A OP B'");
    assertThatThrownBy(() -> Calc.Formula.parse("a + b + c")).hasMessageContaining("write 'A OP B'");
    assertThatThrownBy(() -> new Calc.Formula("a", '%', "b")).hasMessageContaining("one of + - * /");
    assertThatThrownBy(() -> new Calc.Formula("a b", '+', "c")).hasMessageContaining("one column or one number");
  }

  @Test
  void fillBoundsItsCombinationsAndKeepsKeysAndWithApart() {
    Map<String, List<String>> big = twoKeys("a", ValueRange.expand("0..99"), "b", ValueRange.expand("0..99"));
    assertThatThrownBy(() -> new Fill(big, Map.of("value", "0"))).hasMessageContaining("more than 4096 combinations");
    assertThatThrownBy(() -> new Fill(Map.of("db", List.of("db0")), Map.of("DB", "x")))
        .hasMessageContaining("'db' is both a key and a with column");
  }
}
