package dev.exportersuite.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.config.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** SQL requests are checked at load for what needs no database: a query, bounded, without a trailing ';'. */
class SqlRequestTest {

  @Test
  void queriesOfEveryDialectAreAccepted() throws Exception {
    for (String q : new String[] {"SELECT 1 FROM dual;", "with t as (select 1) select * from t", "SHOW GLOBAL STATUS",
        "SHOW /*M!100000 ALL SLAVES */ /*!50700 SLAVE */ STATUS", "-- top sql\nSELECT 1", "/* c */ select 1",
        "(SELECT 1) UNION (SELECT 2)", "VALUES (1)", "DESCRIBE t", "EXPLAIN SELECT 1"}) {
      assertThat(SqlRequest.parser().parse(q).sql()).doesNotEndWith(";");
    }
  }

  @Test
  void aTypoInTheFirstKeywordIsNamedAtLoad() {
    assertThatThrownBy(() -> SqlRequest.parser().parse("SELCT 1")).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> {
          assertThat(e.part()).contains("SELCT");
          assertThat(e.describe()).startsWith("a request is a query: it starts with SELECT").endsWith("(at 'SELCT')");
        });
    assertThatThrownBy(() -> SqlRequest.parser().parse("DELETE FROM t")).hasMessageContaining("a request is a query");
    assertThatThrownBy(() -> SqlRequest.parser().parse(";")).hasMessageContaining("empty");
  }
}
