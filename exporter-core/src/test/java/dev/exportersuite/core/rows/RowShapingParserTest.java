package dev.exportersuite.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.YamlDocument;
import dev.exportersuite.core.config.YamlMapping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code rows:} key of an entry: every step's YAML form, and every mistake with its line. */
class RowShapingParserTest {

  private static final String KNOWN = "known steps: match, rename, set, pairs, unpivot, pivot, calc, fill, sum";

  private static YamlMapping entry(String yaml) throws ConfigException {
    return YamlMapping.of("team.yaml", "metrics[0]", YamlDocument.parse("team.yaml", yaml));
  }

  private static RowShaping parse(String yaml) throws ConfigException {
    return RowShapingParser.parse(entry(yaml));
  }

  /** The message lines of the refusal of {@code yaml}. */
  private static List<String> errors(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> parse(yaml)).lines();
  }

  @Test
  void noRowsKeyIsNone() throws Exception {
    assertThat(parse("request: INFO ALL\n")).isSameAs(RowShaping.NONE);
    assertThat(parse("rows:\n")).isSameAs(RowShaping.NONE);
    assertThat(parse("rows: []\n")).isSameAs(RowShaping.NONE);
  }

  @Test
  void theRowsKeyCountsAsReadSoTheEntryAcceptsIt() throws Exception {
    YamlMapping e = entry("request: INFO\nrows: [pairs]\n");
    e.requiredString("request");
    RowShapingParser.parse(e);
    e.finish();
  }

  @Test
  void everyStepInItsYamlForm() throws Exception {
    RowShaping s = parse("""
        rows:
          - match: {section: commandstats, name: 'cmdstat_(?<cmd>.+)'}
          - rename: {c0: event_name, Value: length}
          - set: {info: 1, team: payments}
          - pairs
          - unpivot: {keep: [event_name], name: field, value: value}
          - pivot: {name: field, value: value, by: name}
          - calc: {start_time_seconds: 'server_time_usec / 1000000', x: 'a - b'}
          - fill: {keys: {db: db0..db2, field: [keys, expires], role: master}, with: {value: 0}}
        """);
    assertThat(s.steps()).hasSize(8);
    Match m = (Match) s.steps().get(0);
    assertThat(m.columns()).containsOnlyKeys("section", "name");
    assertThat(m.columns().get("name").pattern()).isEqualTo("cmdstat_(?<cmd>.+)");
    assertThat(s.steps().subList(1, 8)).containsExactly(
        new Rename(Map.of("c0", "event_name", "value", "length")),
        new SetColumns(Map.of("info", "1", "team", "payments")),
        new Pairs(),
        new Unpivot(List.of("event_name"), "field", "value"),
        new Pivot("field", "value", "name"),
        new Calc(Map.of("start_time_seconds", new Calc.Formula("server_time_usec", '/', "1000000"),
            "x", new Calc.Formula("a", '-', "b"))),
        new Fill(Map.of("db", List.of("db0", "db1", "db2"), "field", List.of("keys", "expires"),
            "role", List.of("master")), Map.of("value", "0")));
    assertThat(((Calc) s.steps().get(6)).columns()).containsOnlyKeys("start_time_seconds", "x");
    assertThat(((Fill) s.steps().get(7)).keys().keySet()).containsExactly("db", "field", "role");
  }

  @Test
  void stepsWhoseArgumentsAreOptionalMayBeAPlainNameOrLeaveThemOut() throws Exception {
    assertThat(parse("""
        rows:
          - pairs
          - pivot
          - unpivot
          - pairs:
          - pivot: {}
          - unpivot: {keep: name}
          - fill: {with: {c0: 0, c2: 0}}
        """).steps()).containsExactly(new Pairs(), new Pivot(), new Unpivot(), new Pairs(), new Pivot(),
        new Unpivot(List.of("name"), "field", "value"), new Fill(Map.of(), Map.of("c0", "0", "c2", "0")));
  }

  @Test
  void blockStyleWorksAsFlowStyle() throws Exception {
    RowShaping s = parse("""
        rows:
          - match:
              section: keyspace
              name: (?<db>db\\d+)
          - fill:
              keys:
                db: db0..db1
                field:
                  - keys
              with:
                value: 0
        """);
    List<Row> rows = s.apply(List.of(Row.of("section", "keyspace", "name", "db1", "field", "keys", "value", "4"),
        Row.of("section", "server", "name", "db0", "field", "keys", "value", "4")));
    assertThat(rows).extracting(r -> r.get("db") + "=" + r.get("value")).containsExactly("db1=4", "db0=0");
  }

  @Test
  void aCommaSeparatedFillValueIsAListAsForLabels() throws Exception {
    assertThat(((Fill) parse("rows: [fill: {keys: {field: 'keys, expires'}, with: {value: 0}}]\n").steps().get(0))
        .keys()).containsEntry("field", List.of("keys", "expires"));
  }

  @Test
  void sumInItsYamlFormsAndItsMistakes() throws Exception {
    assertThat(parse("""
        rows:
          - sum: {by: [consumergroup, topic], columns: [current_offset, lag]}
          - sum: {columns: lag}
          - sum: {by: 'a, b', columns: 'x, y'}
        """).steps()).containsExactly(
        new Sum(List.of("consumergroup", "topic"), List.of("current_offset", "lag")),
        new Sum(List.of(), List.of("lag")),
        new Sum(List.of("a", "b"), List.of("x", "y")));
    assertThat(errors("""
        rows:
          - sum
          - sum: {by: [topic]}
          - sum: {by: [topic], columns: [topic]}
          - sum: {columns: [lag], bye: [x]}
          - sum: {columns: [lag, LAG]}
        """)).containsExactly(
        "team.yaml:2: metrics[0].rows[0]: sum needs arguments: write '- sum: {by: [COLUMN, ...], columns: "
            + "[COLUMN, ...]}'",
        "team.yaml:3: metrics[0].rows[1].sum.columns: sum needs columns: the columns to add up, e.g. columns: [lag]",
        "team.yaml:4: metrics[0].rows[2].sum: 'topic' is both in by and in columns: a column is either grouped by "
            + "or added up",
        "team.yaml:5: metrics[0].rows[3].sum.bye: unknown key 'bye' (did you mean 'by'?); known keys: by, columns",
        "team.yaml:6: metrics[0].rows[4].sum: column 'lag' is listed twice in columns (column names ignore case)");
  }

  @Test
  void unknownStepsAreNamedWithTheKnownOnesAndACloseSpelling() {
    assertThat(errors("""
        rows:
          - pivto
          - frobnicate: {a: b}
        """)).containsExactly(
        "team.yaml:2: metrics[0].rows[0]: unknown step 'pivto' (did you mean 'pivot'?); " + KNOWN,
        "team.yaml:3: metrics[0].rows[1]: unknown step 'frobnicate'; " + KNOWN);
  }

  @Test
  void everyBadStepIsReportedAtOnceWithItsOwnLineAndTheGoodOnesAreNot() {
    assertThat(errors("""
        context: commands
        request: INFO ALL
        rows:
          - match: {section: commandstats}
          - match: {name: 'cmdstat_(?<cmd>.+'}
          - rename: {value: length}
          - calc: {x: 'a ^ b'}
          - fill:
              keys: {db: db9..db1}
              with: {value: 0}
          - pairs
          - pivot: {name: field, vaule: value}
          - set
        """)).containsExactly(
        "team.yaml:5: metrics[0].rows[1].match.name: not a valid regular expression: Unclosed group",
        "team.yaml:7: metrics[0].rows[3].calc.x: write 'A OP B' (A and B a column or a number, OP one of "
            + "+ - * /), e.g. 'usec / 1000000'; found 'a ^ b'",
        "team.yaml:9: metrics[0].rows[4].fill.keys.db: the range 'db9..db1' must go up, with at most 4096 values",
        "team.yaml:12: metrics[0].rows[6].pivot.vaule: unknown key 'vaule' (did you mean 'value'?); known keys: "
            + "name, value, by",
        "team.yaml:13: metrics[0].rows[7]: set needs arguments: write '- set: {COLUMN: VALUE, ...}'");
  }

  @Test
  void aStepIsOneNameOrAMappingOfOneName() {
    assertThat(errors("""
        rows:
          -
          - [pairs]
          - {match: {a: b}, rename: {a: c}}
          - match:
            name: x
          - {}
        """)).containsExactly(
        "team.yaml:2: metrics[0].rows[0]: an empty step: write a step name, e.g. '- pairs', or a step with its "
            + "arguments, e.g. '- rename: {value: length}'",
        "team.yaml:3: metrics[0].rows[1]: a step is a step name ('- pairs') or a mapping of one step name to its "
            + "arguments ('- rename: {value: length}'), found a list",
        "team.yaml:4: metrics[0].rows[2]: a step is a mapping with exactly one key, the step name; found 2 keys "
            + "(match, rename): start each step with its own '- '",
        "team.yaml:5: metrics[0].rows[3]: a step is a mapping with exactly one key, the step name; found 2 keys "
            + "(match, name): start each step with its own '- '",
        "team.yaml:7: metrics[0].rows[4]: a step is a mapping with exactly one key, the step name; found 0 keys "
            + "(): start each step with its own '- '");
  }

  @Test
  void argumentsOfTheWrongShapeSayHowToWriteThem() {
    assertThat(errors("""
        rows:
          - match:
          - rename: value=length
          - pairs: {x: 1}
          - unpivot: [a]
          - calc: {x: [a, b]}
          - set: {info: }
          - rename: {}
          - fill: {keys: {db: db0}}
          - fill: {keys: {db: db0}, wiht: {value: 0}}
          - fill: {keys: {db: []}, with: {value: 0}}
          - unpivot: {keep: [field]}
          - match: {a: x, b: y, A: z}
        """)).containsExactly(
        "team.yaml:2: metrics[0].rows[0].match: match needs arguments: write '- match: {COLUMN: REGEX, ...}'",
        "team.yaml:3: metrics[0].rows[1].rename: expected a mapping of arguments: write '- rename: {OLD: NEW, ...}'",
        "team.yaml:4: metrics[0].rows[2].pairs: pairs takes no arguments: write '- pairs'",
        "team.yaml:5: metrics[0].rows[3].unpivot: expected a mapping of arguments: write '- unpivot: {keep: "
            + "[COLUMN, ...], name: field, value: value}'",
        "team.yaml:6: metrics[0].rows[4].calc.x: expected a single value, found a list",
        "team.yaml:7: metrics[0].rows[5].set.info: a value is required here",
        "team.yaml:8: metrics[0].rows[6].rename: rename needs at least one OLD: NEW pair, e.g. {value: length}",
        "team.yaml:9: metrics[0].rows[7].fill.with: fill needs with: the columns of the rows it adds, e.g. "
            + "with: {value: 0}",
        "team.yaml:10: metrics[0].rows[8].fill.wiht: unknown key 'wiht' (did you mean 'with'?); known keys: keys, "
            + "with",
        "team.yaml:11: metrics[0].rows[9].fill: key column 'db' has no values: list them, e.g. "
            + "[keys, expires] or db0..db15",
        "team.yaml:12: metrics[0].rows[10].unpivot: 'field' is both kept and written by the step: leave "
            + "it out of keep or choose another name/value column",
        "team.yaml:13: metrics[0].rows[11].match: column 'a' is given twice (column names ignore case): "
            + "give it one pattern");
  }

  @Test
  void aRowsKeyThatIsNotAListIsRefused() {
    assertThat(errors("rows: pairs\n")).containsExactly(
        "team.yaml:1: metrics[0].rows: expected a list (lines starting with '- '), found the value 'pairs'");
  }

  @Test
  void groupNamesFollowJavasRule() {
    assertThat(errors("rows: [match: {name: '(?<my_cmd>.+)'}]\n")).singleElement().asString()
        .startsWith("team.yaml:1: metrics[0].rows[0].match.name: not a valid regular expression: ");
  }
}
