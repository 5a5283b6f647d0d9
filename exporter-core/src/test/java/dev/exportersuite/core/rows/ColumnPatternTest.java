package dev.exportersuite.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shortcuts a match step takes before the regex engine (equals for plain text, a set for plain alternatives, a
 * required leading text) give
 * the regex's own answer: each pattern is tried on texts that match and texts that do not.
 */
class ColumnPatternTest {

  private static final List<String> TEXTS = List.of("", "server", "Server", "servers", "cmdstat_get",
      "cmdstat_", "cmdstat", "ab", "a", "abb", "b", "db0", "db12", "x|y", "slave0", "slave", "latency_p50",
      "errorstat_ERR", "ac", "abc", "memory", "replication", "server|memory");

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "server;        server;   server", // plain text: equals
      "cmdstat_(?<cmd>.+); ; cmdstat_",
      "ab?;           ;         a", // the quantified b is not required
      "ab*c;          ;         a",
      "ab{2};         ;         a",
      "ab+;           ;         a",
      "a|b;           ;         ''", // alternation: nothing is required (plain alternatives: a set)
      "server|memory|replication; ; ''",
      "|a;            ;         ''", // an empty alternative matches the empty text
      "a||b;          ;         ''",
      "a|b\\d;      ;         ''", // not plain: the regex answers
      "(?i)server;    ;         ''", // inline flag: nothing is known
      "db\\d+;        ;         db",
      "slave\\d+;     ;         slave",
      "'';            '';       ''",
  })
  void shortcutsAgreeWithTheRegex(String regex, String literal, String prefix) {
    ColumnPattern c = ColumnPattern.of("name", Pattern.compile(regex));
    assertThat(c.literal()).isEqualTo(literal);
    assertThat(c.prefix()).isEqualTo(prefix);
    for (String text : TEXTS) {
      assertThat(c.match(text) != null).as("%s on '%s'", regex, text).isEqualTo(text.matches(regex));
    }
  }

  @org.junit.jupiter.api.Test
  void onlyPlainAlternativesAreLookedUpInASet() {
    assertThat(ColumnPattern.of("s", Pattern.compile("server|memory|replication")).choices())
        .containsExactlyInAnyOrder("server", "memory", "replication");
    assertThat(ColumnPattern.of("s", Pattern.compile("a|b\\d")).choices()).isNull();
    assertThat(ColumnPattern.of("s", Pattern.compile("(a|b)")).choices()).isNull();
    assertThat(ColumnPattern.of("s", Pattern.compile("a|b", Pattern.CASE_INSENSITIVE)).choices()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"server", "a.b", "cmdstat_(x)"})
  void aPatternWithFlagsOrLiteralIsTakenAsItsFlagsSay(String regex) {
    ColumnPattern ci = ColumnPattern.of("name", Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    ColumnPattern lit = ColumnPattern.of("name", Pattern.compile(regex, Pattern.LITERAL));
    for (String text : List.of(regex, regex.toUpperCase(), "axb", "cmdstat_x", "SERVER")) {
      assertThat(ci.match(text) != null).as("%s (?i) on '%s'", regex, text)
          .isEqualTo(Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).matches());
      assertThat(lit.match(text) != null).as("%s literal on '%s'", regex, text).isEqualTo(text.equals(regex));
    }
  }
}
