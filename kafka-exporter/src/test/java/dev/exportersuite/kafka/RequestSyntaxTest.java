package dev.exportersuite.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.MetricsFileParser;
import dev.exportersuite.core.config.YamlDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request language without a broker: every form, and every mistake refused at load with its file and line. */
class RequestSyntaxTest {

  private static KafkaRequest parse(String text) throws InvalidRequestException {
    return KafkaRequest.parse(text);
  }

  private static String error(String text) {
    return catchThrowableOfType(InvalidRequestException.class, () -> parse(text)).describe();
  }

  @Test
  void everyKindWithoutOptions() throws Exception {
    for (KafkaRequest.Kind kind : KafkaRequest.Kind.values()) {
      if (kind == KafkaRequest.Kind.TOPIC_CONFIGS) {
        continue;
      }
      KafkaRequest r = parse(kind.word);
      assertThat(r).isEqualTo(KafkaRequest.of(kind));
      assertThat(r.toString()).isEqualTo(kind.word);
    }
  }

  @Test
  void optionsFilterByRegexFoundAnywhereInTheNameAsKafkaExportersFlagsDo() throws Exception {
    KafkaRequest r = parse("consumer-offsets group=^billing- group!=-test$ topic=orders topic!=^__");
    assertThat(r.kind()).isEqualTo(KafkaRequest.Kind.CONSUMER_OFFSETS);
    assertThat(r.groups().test("billing-eu")).isTrue();
    assertThat(r.groups().test("billing-eu-test")).isFalse();
    assertThat(r.groups().test("x-billing-")).isFalse();
    assertThat(r.topics().test("eu.orders.v2")).isTrue();
    assertThat(r.topics().test("__orders")).isFalse();
    assertThat(r.toString()).isEqualTo("consumer-offsets topic=orders topic!=^__ group=^billing- group!=-test$");
  }

  @Test
  void quotesGroupBlanksAndNothingIsEscaped() throws Exception {
    assertThat(parse("partitions topic='a b|c\\.d'").topics().include().orElseThrow().pattern())
        .isEqualTo("a b|c\\.d");
    assertThat(parse("partitions \"topic=x y\"").topics().include().orElseThrow().pattern()).isEqualTo("x y");
    assertThat(parse("  partitions\n  topic=^x$\n").topics().test("x")).isTrue();
  }

  @Test
  void topicConfigsNameTheirKeys() throws Exception {
    KafkaRequest r = parse("topic-configs topic=^orders keys=retention.ms,Cleanup.Policy,retention.ms");
    assertThat(r.keys()).containsExactly("retention.ms", "cleanup.policy");
    assertThat(r.toString()).isEqualTo("topic-configs topic=^orders keys=retention.ms,cleanup.policy");
  }

  @Test
  void equalRequestsAreOneRoundTripHoweverTheyAreSpelt() throws Exception {
    assertThat(parse("PARTITIONS  topic=x")).isEqualTo(parse("partitions TOPIC=x"));
    assertThat(parse("partitions topic=x").hashCode()).isEqualTo(parse("partitions\ttopic='x'").hashCode());
    assertThat(parse("consumer-offsets group=a topic=b")).isEqualTo(parse("consumer-offsets topic=b group=a"));
    assertThat(parse("partitions topic=x")).isNotEqualTo(parse("partitions topic=X"));
    assertThat(parse("partitions topic=x")).isNotEqualTo(parse("partitions topic!=x"));
    assertThat(parse("topics")).isNotEqualTo(parse("partitions"));
  }

  @Test
  void mistakesSayWhatToWriteAndQuoteTheWordAtFault() {
    assertThat(error("")).isEqualTo("the request is empty: write one of cluster, brokers, topics, partitions, "
        + "consumer-offsets, consumer-lag-seconds, groups, topic-configs, log-dirs");
    assertThat(error("partition")).isEqualTo("unknown request 'partition' (did you mean 'partitions'?): write one "
        + "of cluster, brokers, topics, partitions, consumer-offsets, consumer-lag-seconds, groups, topic-configs, "
        + "log-dirs (at 'partition')");
    assertThat(error("consumer-lag-seconds keys=x")).isEqualTo("'keys' is not an option of consumer-lag-seconds: "
        + "consumer-lag-seconds takes topic=REGEX, topic!=REGEX, group=REGEX, group!=REGEX (at 'keys=x')");
    assertThat(error("partitions orders")).isEqualTo("'orders' is not an option: partitions takes topic=REGEX, "
        + "topic!=REGEX (at 'orders')");
    assertThat(error("partitions group=x")).isEqualTo("'group' is not an option of partitions: partitions takes "
        + "topic=REGEX, topic!=REGEX (at 'group=x')");
    assertThat(error("brokers topic=x")).isEqualTo("'topic' is not an option of brokers: brokers takes no options "
        + "(at 'topic=x')");
    assertThat(error("topics topic=a topic=b")).isEqualTo("topic= is given twice: give it once (at 'topic=b')");
    assertThat(error("topics topic=")).isEqualTo("topic= needs a value, e.g. topic=REGEX, topic!=REGEX "
        + "(at 'topic=')");
    assertThat(error("groups group!=(x")).startsWith("group!= is not a valid regular expression: Unclosed group")
        .endsWith("(at 'group!=(x')");
    assertThat(error("topic-configs")).isEqualTo("topic-configs needs keys=: the configs to read, e.g. "
        + "keys=retention.ms,cleanup.policy (at 'topic-configs')");
    assertThat(error("topic-configs keys=retention.ms,,x")).isEqualTo("keys= lists config names separated by "
        + "commas, e.g. keys=retention.ms,cleanup.policy; '' is not one (at 'keys=retention.ms,,x')");
    assertThat(error("topic-configs keys!=a")).isEqualTo("keys!= is not an option: name the configs to read with "
        + "keys= (at 'keys!=a')");
    assertThat(error("partitions topic='open")).isEqualTo("a quote ' is not closed (at 'topic='open')");
  }

  /** Every bad request of a file is reported at once, each at its line; in a literal block, the line of the word. */
  @Test
  void badRequestsInAMetricsFileAreRefusedWithTheirFileAndLine() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> new MetricsFileParser<>(
        KafkaRequest.parser()).parse("team.yaml", YamlDocument.parse("team.yaml", """
        metrics:
          - context: ok
            request: partitions topic=^orders
            metricsdesc: {current_offset: "x"}
          - context: bad
            request: partitons
            metricsdesc: {lag: "x"}
          - context: also_bad
            request: |
              consumer-offsets
                group=^billing
                topic=(
            metricsdesc: {lag: "x"}
        """)));
    List<String> lines = e.lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("team.yaml:6: metrics[1].request: unknown request 'partitons' (did you mean "
        + "'partitions'?): write one of cluster, brokers, topics, partitions, consumer-offsets, "
        + "consumer-lag-seconds, groups, topic-configs, log-dirs (at 'partitons')");
    assertThat(lines.get(1)).startsWith("team.yaml:12: metrics[2].request: topic= is not a valid regular expression");
  }
}
