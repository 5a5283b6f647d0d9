package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.List;
import java.util.Objects;

/**
 * The {@code rows:} steps of one metrics-file entry, applied in order to the request's rows before they become
 * metrics. {@link #NONE} (no {@code rows:} key) hands the rows on unchanged.
 *
 * @param steps in the order of the file
 */
public record RowShaping(List<RowStep> steps) {

  public static final RowShaping NONE = new RowShaping(List.of());

  public RowShaping {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }

  public static RowShaping of(RowStep... steps) {
    return new RowShaping(List.of(steps));
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * The rows after every step.
   *
   * @throws RowShapingException naming the failing step by its position and name, e.g.
   *     {@code rows[2] pairs: the reply has an odd number of elements (7)}
   */
  public List<Row> apply(List<Row> rows) {
    List<Row> out = rows;
    for (int i = 0; i < steps.size(); i++) {
      RowStep step = steps.get(i);
      String at = "rows[" + i + "] " + step.keyword() + ": ";
      try {
        out = step.apply(out);
      } catch (RowShapingException e) {
        throw new RowShapingException(at + e.getMessage(), e);
      } catch (RuntimeException e) {
        // A bug, not the data's shape. Its message (and so its cause) may quote a value, which must not reach
        // the log or the landing page: only the type is kept.
        throw new RowShapingException(at + "failed with " + e.getClass().getSimpleName());
      }
    }
    return out;
  }
}
