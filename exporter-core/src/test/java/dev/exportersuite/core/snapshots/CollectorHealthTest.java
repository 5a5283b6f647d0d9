package dev.exportersuite.core.snapshots;

import static dev.exportersuite.core.snapshots.Fixtures.failed;
import static dev.exportersuite.core.snapshots.Fixtures.ok;
import static dev.exportersuite.core.snapshots.Fixtures.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.collect.CollectionResult;
import dev.exportersuite.core.collect.Row;
import dev.exportersuite.core.config.MetricDefinition;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Error counts, the landing page's status and the first error, all redacted. */
class CollectorHealthTest {

  private static final List<? extends MetricDefinition<?>> DEFS = Fixtures.definitions("ns", """
      metrics:
        - context: a
          request: qa
          metricsdesc: {value: A.}
        - context: b
          request: qb
          metricsdesc: {value: B.}
        - context: b2
          collector: b
          request: qb2
          metricsdesc: {value: B too.}
        - context: never
          request: qn
          enabled: false
          metricsdesc: {value: Switched off.}
      """);
  private static final MetricDefinition<?> A = DEFS.get(0);
  private static final MetricDefinition<?> B = DEFS.get(1);
  private static final MetricDefinition<?> B2 = DEFS.get(2);

  private final CollectorHealth health = new CollectorHealth(new Redactor(List.of("s3cret")));

  private CollectorHealth.Report record(CollectionResult result) {
    return health.record(result, new FamilyAssembler("ns", Labels.EMPTY, Set.of()).assemble(result.results())
        .problems());
  }

  @Test
  void errorsAreCountedPerCollectorOncePerCollection() {
    record(up(ok(A, Row.of("value", 1)), failed(B, "no table"), failed(B2, "no table either")));
    CollectorHealth.Report r = record(up(ok(A, Row.of("value", 1)), failed(B, "no table"), ok(B2, Row.of("value", 1))));

    assertThat(r.errorsTotal()).containsExactly(Map.entry("a", 0L), Map.entry("b", 2L));
    assertThat(r.firstError()).contains("b: no table");
    assertThat(r.connectionError()).isEmpty();
    // A collector's duration is its slowest definition's.
    assertThat(r.durations()).containsEntry("b", Duration.ofMillis(7));
  }

  @Test
  void aFailureKeepsTheLastSuccessAndTheStatusShowsTheJoinedError() {
    Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
    Instant t2 = t1.plusSeconds(15);
    record(up(t1, ok(A, Row.of("value", 1)), ok(B, Row.of("value", 1)), ok(B2, Row.of("value", 1))));
    record(up(t2, ok(A, Row.of("value", 1)), failed(B, "first"), failed(B2, "second")));

    List<CollectorStatus> status = health.status(DEFS);
    assertThat(status).extracting(CollectorStatus::collector).containsExactly("a", "b", "never");
    CollectorStatus a = status.get(0);
    assertThat(a.lastSuccess()).contains(t2);
    assertThat(a.lastError()).isEmpty();
    CollectorStatus b = status.get(1);
    assertThat(b.lastSuccess()).contains(t1);
    assertThat(b.lastError()).contains("first; second");
    assertThat(b.errorsTotal()).isEqualTo(1);
    assertThat(b.source()).isEqualTo(B.source());
    CollectorStatus never = status.get(2);
    assertThat(never.enabled()).isFalse();
    assertThat(never.lastSuccess()).isEmpty();
    assertThat(never.errorsTotal()).isZero();
  }

  @Test
  void aCollectorThatNeverSucceededHasNoLastSuccess() {
    record(up(failed(A, "denied")));

    assertThat(health.status(List.of(A)).get(0).lastSuccess()).isEmpty();
  }

  @Test
  void errorsAreRedactedEverywhere() {
    CollectorHealth.Report r = record(up(failed(A, "login s3cret refused, url jdbc:x://u:pw@h/db")));

    assertThat(r.firstError()).contains("a: login *** refused, url jdbc:x://u:***@h/db");
    assertThat(health.status(List.of(A)).get(0).lastError()).contains("login *** refused, url jdbc:x://u:***@h/db");

    CollectorHealth.Report down = record(Fixtures.down("connect with password=hunter2 failed"));
    assertThat(down.connectionError()).contains("connect with password=*** failed");
    assertThat(down.firstError()).isEqualTo(down.connectionError());
    // Collectors seen before stay counted while the datastore is down.
    assertThat(down.errorsTotal()).containsEntry("a", 1L);
    assertThat(down.durations()).isEmpty();
  }

  /** A server's message can quote megabytes of the data itself: it is cut, on one line, redacted first. */
  @Test
  void longOrMultiLineErrorsAreBoundedBeforeTheyReachTheLogLabelsOrPage() {
    String twoMegabytes = "ERR value 'x" + "x".repeat(2 << 20) + "' is not a number";
    CollectorHealth.Report r = record(up(ok(A, Row.of("value", 1)), failed(B, "line one\nline two s3cret\u0000"),
        failed(B2, twoMegabytes)));
    assertThat(r.firstError()).hasValueSatisfying(e -> assertThat(e).startsWith("b: line one line two ***\\u0000")
        .hasSizeLessThan(ErrorText.MAX + 60).endsWith(" characters)").doesNotContain("\n"));
    assertThat(health.status(DEFS)).filteredOn(st -> st.collector().equals("b")).singleElement()
        .satisfies(st -> assertThat(st.lastError().orElseThrow()).hasSizeLessThan(ErrorText.MAX + 60));
    CollectorHealth.Report down = record(Fixtures.down("cannot connect: " + "y".repeat(10_000)));
    assertThat(down.connectionError()).hasValueSatisfying(e -> assertThat(e).hasSizeLessThan(ErrorText.MAX + 60)
        .endsWith("(cut: 10016 characters)"));
  }
}
