package dev.exportersuite.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.collect.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps in order, and runtime errors that name the step by its position, without data. */
class RowShapingTest {

  @Test
  void noneHandsTheRowsOnUnchanged() {
    List<Row> rows = List.of(Row.of("value", 1L));
    assertThat(RowShaping.NONE.apply(rows)).isSameAs(rows);
    assertThat(RowShaping.NONE.isEmpty()).isTrue();
  }

  @Test
  void stepsRunInOrder() {
    RowShaping s = RowShaping.of(new Rename(Map.of("value", "length")), new SetColumns(Map.of("value", "9")));
    assertThat(s.apply(List.of(Row.of("value", 1L)))).containsExactly(Row.of("length", 1L, "value", "9"));
  }

  @Test
  void aStepThatFailsIsNamedByItsPositionAndName() {
    RowShaping s = RowShaping.of(new Rename(Map.of("x", "y")), new SetColumns(Map.of("a", "b")), new Pairs());
    List<Row> seven = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      seven.add(Row.of("index", (long) i, "value", "secret-" + i));
    }
    assertThatThrownBy(() -> RowShaping.of(new Pairs()).apply(seven)).isInstanceOf(RowShapingException.class)
        .hasMessage("rows[0] pairs: the reply has an odd number of elements (7)");
    // set adds a column, so the rows are no longer a flat list: pairs unpivots them instead of failing.
    assertThat(s.apply(seven)).hasSize(21);
    RowShaping late = RowShaping.of(new Rename(Map.of("x", "y")), new Unpivot(), new Pairs());
    assertThat(late.apply(List.of())).isEmpty();
    RowShaping third = RowShaping.of(new Rename(Map.of("x", "y")), new Rename(Map.of("y", "z")), new Pairs());
    assertThatThrownBy(() -> third.apply(seven))
        .hasMessage("rows[2] pairs: the reply has an odd number of elements (7)")
        .hasCauseInstanceOf(RowShapingException.class);
  }

  @Test
  void anUnexpectedFailureKeepsOnlyItsTypeSoThatNoValueLeaks() {
    RowStep broken = new RowStep() {
      @Override
      public String keyword() {
        return "custom";
      }

      @Override
      public List<Row> apply(List<Row> rows) {
        throw new NumberFormatException("For input string: \"hunter2\"");
      }
    };
    assertThatThrownBy(() -> RowShaping.of(new Pivot(), broken).apply(List.of()))
        .isInstanceOf(RowShapingException.class)
        .hasMessage("rows[1] custom: failed with NumberFormatException")
        .hasNoCause();
  }

  @Test
  void stepsAreValuesThatCompareEqual() {
    assertThat(RowShaping.of(new Pairs(), new Pivot())).isEqualTo(new RowShaping(List.of(new Pairs(), new Pivot())));
    assertThat(new Unpivot()).isEqualTo(new Unpivot(List.of(), "FIELD", "value"));
    assertThat(new Rename(Map.of("Field", "Key"))).isEqualTo(new Rename(Map.of("field", "key")));
  }
}
