package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.List;

/**
 * One reshaping of a request's rows, as listed under an entry's {@code rows:} key. Steps are immutable and built
 * (and checked) when the metrics files load, so applying one can only fail on the shape of the data, with a
 * {@link RowShapingException}.
 */
public interface RowStep {

  /** The step's name in a metrics file ({@code match}, {@code pairs}, ...), used in error messages. */
  String keyword();

  /** The reshaped rows; the input is not changed. */
  List<Row> apply(List<Row> rows);
}
