package dev.exportersuite.kafka;

import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.KeySuggestions;
import dev.exportersuite.core.config.RequestParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * One {@code request} of a metrics file: what to read through the Kafka Admin API, parsed when the file loads.
 * A kind and its options, e.g. {@code consumer-offsets group=^billing- topic!=^__}. Equal requests are one round
 * trip per scrape, so the kind is lower-cased and the options are kept in a fixed order.
 *
 * @param kind what to read
 * @param topics which topics (the flags' --topic.filter/--topic.exclude apply as well)
 * @param groups which consumer groups (the flags' --group.filter/--group.exclude apply as well)
 * @param keys for {@link Kind#TOPIC_CONFIGS}, the config names to read; empty otherwise
 */
record KafkaRequest(Kind kind, NameFilter topics, NameFilter groups, List<String> keys) {

  /** The kinds, with the options each takes. */
  enum Kind {
    CLUSTER("cluster"),
    BROKERS("brokers"),
    TOPICS("topics", Option.TOPIC),
    PARTITIONS("partitions", Option.TOPIC),
    CONSUMER_OFFSETS("consumer-offsets", Option.GROUP, Option.TOPIC),
    /** consumer-offsets' rows and the age of the oldest unread record: a consumer Fetch per broker more. */
    CONSUMER_LAG_SECONDS("consumer-lag-seconds", Option.GROUP, Option.TOPIC),
    GROUPS("groups", Option.GROUP),
    TOPIC_CONFIGS("topic-configs", Option.TOPIC, Option.KEYS),
    LOG_DIRS("log-dirs", Option.TOPIC);

    final String word;
    final Set<Option> options;

    Kind(String word, Option... options) {
      this.word = word;
      this.options = options.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(Arrays.asList(options));
    }

    static Optional<Kind> of(String word) {
      return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    static List<String> words() {
      return Arrays.stream(values()).map(k -> k.word).toList();
    }

    String usage() {
      if (options.isEmpty()) {
        return word + " takes no options";
      }
      return word + " takes " + options.stream().map(o -> o.usage).collect(Collectors.joining(", "));
    }
  }

  /** An option's name and how it is written. */
  enum Option {
    TOPIC("topic", "topic=REGEX, topic!=REGEX"),
    GROUP("group", "group=REGEX, group!=REGEX"),
    KEYS("keys", "keys=CONFIG,...");

    final String word;
    final String usage;

    Option(String word, String usage) {
      this.word = word;
      this.usage = usage;
    }

    static Optional<Option> of(String word) {
      return Arrays.stream(values()).filter(o -> o.word.equals(word)).findFirst();
    }
  }

  /** A topic config name as Kafka spells them ({@code retention.ms}, {@code min.insync.replicas}). */
  private static final Pattern CONFIG_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  KafkaRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(groups, "groups");
    keys = List.copyOf(keys);
  }

  static KafkaRequest of(Kind kind) {
    return new KafkaRequest(kind, NameFilter.ALL, NameFilter.ALL, List.of());
  }

  static RequestParser<KafkaRequest> parser() {
    return KafkaRequest::parse;
  }

  static KafkaRequest parse(String text) throws InvalidRequestException {
    List<RequestWords.Word> words = RequestWords.split(text);
    if (words.isEmpty()) {
      throw new InvalidRequestException("the request is empty: write one of " + String.join(", ", Kind.words()));
    }
    RequestWords.Word first = words.get(0);
    String kindWord = first.text().toLowerCase(Locale.ROOT);
    Kind kind = Kind.of(kindWord).orElseThrow(() -> new InvalidRequestException("unknown request '" + first.text()
        + "'" + KeySuggestions.closest(kindWord, Kind.words()).map(s -> " (did you mean '" + s + "'?)").orElse("")
        + ": write one of " + String.join(", ", Kind.words()), first.raw()));
    NameFilter topics = NameFilter.ALL;
    NameFilter groups = NameFilter.ALL;
    List<String> keys = List.of();
    Set<String> seen = new LinkedHashSet<>();
    for (RequestWords.Word w : words.subList(1, words.size())) {
      int eq = w.text().indexOf('=');
      if (eq <= 0) {
        throw new InvalidRequestException("'" + w.text() + "' is not an option: " + kind.usage(), w.raw());
      }
      boolean negated = w.text().charAt(eq - 1) == '!';
      String name = w.text().substring(0, negated ? eq - 1 : eq).toLowerCase(Locale.ROOT);
      String value = w.text().substring(eq + 1);
      String written = name + (negated ? "!=" : "=");
      Option option = Option.of(name).filter(kind.options::contains).orElseThrow(() -> new InvalidRequestException(
          "'" + name + "' is not an option of " + kind.word + ": " + kind.usage(), w.raw()));
      if (!seen.add(written)) {
        throw new InvalidRequestException(written + " is given twice: give it once", w.raw());
      }
      if (value.isEmpty()) {
        throw new InvalidRequestException(written + " needs a value, e.g. " + option.usage, w.raw());
      }
      switch (option) {
        case TOPIC -> topics = negated ? topics.withExclude(regex(written, value, w))
            : topics.withInclude(regex(written, value, w));
        case GROUP -> groups = negated ? groups.withExclude(regex(written, value, w))
            : groups.withInclude(regex(written, value, w));
        case KEYS -> {
          if (negated) {
            throw new InvalidRequestException("keys!= is not an option: name the configs to read with keys=", w.raw());
          }
          keys = configNames(value, w);
        }
      }
    }
    if (kind.options.contains(Option.KEYS) && keys.isEmpty()) {
      throw new InvalidRequestException(kind.word + " needs keys=: the configs to read, e.g. "
          + "keys=retention.ms,cleanup.policy", first.raw());
    }
    return new KafkaRequest(kind, topics, groups, keys);
  }

  private static Pattern regex(String option, String value, RequestWords.Word w) throws InvalidRequestException {
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new InvalidRequestException(option + " is not a valid regular expression: " + e.getDescription(),
          w.raw());
    }
  }

  private static List<String> configNames(String value, RequestWords.Word w) throws InvalidRequestException {
    Set<String> names = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (!CONFIG_NAME.matcher(name).matches()) {
        throw new InvalidRequestException("keys= lists config names separated by commas, e.g. "
            + "keys=retention.ms,cleanup.policy; '" + part + "' is not one", w.raw());
      }
      names.add(name);
    }
    return new ArrayList<>(names);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(kind.word);
    topics.include().ifPresent(p -> s.append(" topic=").append(p.pattern()));
    topics.exclude().ifPresent(p -> s.append(" topic!=").append(p.pattern()));
    groups.include().ifPresent(p -> s.append(" group=").append(p.pattern()));
    groups.exclude().ifPresent(p -> s.append(" group!=").append(p.pattern()));
    if (!keys.isEmpty()) {
      s.append(" keys=").append(String.join(",", keys));
    }
    return s.toString();
  }
}
