package dev.exportersuite.core.snapshots;

import static dev.exportersuite.core.snapshots.Fixtures.failed;
import static dev.exportersuite.core.snapshots.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.testing.Exposition;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rows to families: one owner per exposed name, and a problem costs only what it touches. */
class FamilyAssemblerTest {

  /** Two collectors whose metrics end up with the same name, a third that is fine. */
  private static final List<? extends MetricDefinition<?>> DEFS = Fixtures.definitions("ns", """
      metrics:
        - context: shared
          collector: first
          request: q1
          metricsdesc: {value: From the first.}
        - context: shared
          collector: second
          request: q2
          metricsdesc: {value: From the second., other: Only the second has it.}
        - context: lone
          request: q3
          metricsdesc: {value: Fine., broken: Text where a number belongs.}
      """);
  private static final MetricDefinition<?> FIRST = DEFS.get(0);
  private static final MetricDefinition<?> SECOND = DEFS.get(1);
  private static final MetricDefinition<?> LONE = DEFS.get(2);

  private final FamilyAssembler assembler = new FamilyAssembler("ns", Labels.of("env", "prod"), Set.of());

  @Test
  void theSecondCollectorProducingANameLosesThatFamilyAndOnlyItGetsTheError() {
    FamilyAssembler.Assembled a = assembler.assemble(List.of(
        ok(FIRST, Row.of("value", 1)), ok(SECOND, Row.of("value", 2, "other", 3))));

    assertThat(a.families()).containsOnlyKeys("ns_shared_value", "ns_shared_other");
    Exposition e = Fixtures.parse(a.families().values());
    assertThat(e.value("ns_shared_value", "env", "prod")).contains(1.0);
    assertThat(e.help("ns_shared_value")).contains("From the first.");
    assertThat(e.value("ns_shared_other", "env", "prod")).contains(3.0);
    assertThat(a.problems()).containsOnlyKeys("first", "second");
    assertThat(a.problems().get("first")).isEmpty();
    assertThat(a.problems().get("second")).singleElement().asString()
        .startsWith("ns_shared_value: the same metric is also produced by collector 'first'")
        .endsWith("; rename one");
  }

  @Test
  void aBadFamilyCostsOnlyItself() {
    FamilyAssembler.Assembled a = assembler.assemble(List.of(ok(LONE, Row.of("value", 4, "broken", "n/a"))));

    assertThat(a.families()).containsOnlyKeys("ns_lone_value");
    assertThat(a.problems().get("lone")).singleElement().asString()
        .contains("ns_lone_broken").contains("is not a number").doesNotContain("n/a");
  }

  @Test
  void aFailedRequestCostsItsFamiliesAndGivesItsErrorWithoutTakingNamesFromOthers() {
    FamilyAssembler.Assembled a = assembler.assemble(List.of(
        failed(FIRST, "table gone"), ok(SECOND, Row.of("value", 2, "other", 3))));

    // The failed collector owns nothing, so the second one's metric comes out.
    assertThat(a.families()).containsOnlyKeys("ns_shared_value", "ns_shared_other");
    assertThat(a.problems().get("first")).containsExactly("table gone");
    assertThat(a.problems().get("second")).isEmpty();
  }

  @Test
  void ownershipIsPerCollection() {
    assembler.assemble(List.of(ok(FIRST, Row.of("value", 1)), ok(SECOND, Row.of("value", 2, "other", 3))));
    FamilyAssembler.Assembled next = assembler.assemble(List.of(ok(SECOND, Row.of("value", 2, "other", 3))));

    assertThat(next.families()).containsOnlyKeys("ns_shared_value", "ns_shared_other");
    assertThat(next.problems().get("second")).isEmpty();
  }

  @Test
  void aReservedNameIsNotTakenByAUserFamily() {
    FamilyAssembler reserving = new FamilyAssembler("ns", Labels.EMPTY, Set.of("ns_shared_value"));
    FamilyAssembler.Assembled a = reserving.assemble(List.of(ok(SECOND, Row.of("value", 2, "other", 3))));

    assertThat(a.families()).containsOnlyKeys("ns_shared_other");
    assertThat(a.problems().get("second")).singleElement().asString()
        .contains("ns_shared_value: the exporter's own metric has this name");
  }

  @Test
  void aCounterIsOwnedUnderItsExposedName() {
    List<? extends MetricDefinition<?>> defs = Fixtures.definitions("ns", """
        metrics:
          - context: c
            request: q
            metricsdesc: {hits: Hits.}
            metricstype: {hits: counter}
        """);
    FamilyAssembler.Assembled a = assembler.assemble(List.of(ok(defs.get(0), Row.of("hits", 5))));

    assertThat(a.families()).containsOnlyKeys("ns_c_hits_total");
    assertThat(new FamilyAssembler("ns", Labels.EMPTY, Set.of("ns_c_hits_total"))
        .assemble(List.of(ok(defs.get(0), Row.of("hits", 5)))).families()).isEmpty();
  }

  /**
   * Label sets are made once and reused across a definition's families and its next collections: what comes out
   * must still be exactly the current rows, with the constant labels, and nothing of a row that went away.
   */
  @Test
  void eachCollectionShowsExactlyItsOwnRowsWhateverTheEarlierOnesHad() {
    MetricDefinition<?> d = Fixtures.definitions("ns", """
        metrics:
          - context: part
            request: q
            labels: [topic, partition]
            metricsdesc: {size: Size., lag: Lag.}
        """).get(0);
    assembler.assemble(List.of(ok(d, Row.of("topic", "a", "partition", 0, "size", 1, "lag", 2),
        Row.of("topic", "b", "partition", 0, "size", 3, "lag", 4))));
    FamilyAssembler.Assembled next = assembler.assemble(List.of(ok(d,
        Row.of("topic", "a", "partition", 0, "size", 10, "lag", 20),
        Row.of("topic", "a", "partition", 1, "size", 30, "lag", 40))));

    Exposition e = Fixtures.parse(next.families().values());
    assertThat(e.value("ns_part_size", "env", "prod", "topic", "a", "partition", "0")).contains(10.0);
    assertThat(e.value("ns_part_lag", "env", "prod", "topic", "a", "partition", "0")).contains(20.0);
    assertThat(e.value("ns_part_size", "env", "prod", "topic", "a", "partition", "1")).contains(30.0);
    assertThat(e.value("ns_part_lag", "env", "prod", "topic", "a", "partition", "1")).contains(40.0);
    assertThat(e.samples()).hasSize(4).noneSatisfy(x -> assertThat(x.labels()).containsEntry("topic", "b"));
  }
}
