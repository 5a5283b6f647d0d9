package dev.exportersuite.kafka;

import dev.exportersuite.core.config.Regexes;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which topic or group names to keep: an include and an exclude regex, each matched anywhere in the name as
 * kafka_exporter's {@code --topic.filter} does (Go's {@code MatchString}); anchor with {@code ^...$} for a whole
 * name. Equal by pattern text, so that two requests with the same filters are one round trip.
 *
 * @param include a name is kept only if this matches (absent: every name)
 * @param exclude a name is dropped if this matches (absent: none)
 */
record NameFilter(Optional<Pattern> include, Optional<Pattern> exclude) {

  static final NameFilter ALL = new NameFilter(Optional.empty(), Optional.empty());

  NameFilter {
    Objects.requireNonNull(include, "include");
    Objects.requireNonNull(exclude, "exclude");
  }

  /**
   * kafka_exporter's flag pair; its defaults ({@code .*} and {@code ^$}) keep every name, so they are left out.
   *
   * @throws java.util.regex.PatternSyntaxException for a bad regex
   */
  static NameFilter of(String include, String exclude) {
    return new NameFilter(Optional.ofNullable(include).filter(p -> !p.equals(".*")).map(Pattern::compile),
        Optional.ofNullable(exclude).filter(p -> !p.equals("^$")).map(Pattern::compile));
  }

  boolean test(String name) {
    return include.map(p -> Regexes.matcher(p, name).find()).orElse(true)
        && !exclude.map(p -> Regexes.matcher(p, name).find()).orElse(false);
  }

  NameFilter withInclude(Pattern p) {
    return new NameFilter(Optional.of(p), exclude);
  }

  NameFilter withExclude(Pattern p) {
    return new NameFilter(include, Optional.of(p));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameFilter f && text(include).equals(text(f.include)) && text(exclude).equals(text(f.exclude));
  }

  @Override
  public int hashCode() {
    return Objects.hash(text(include), text(exclude));
  }

  private static Optional<String> text(Optional<Pattern> p) {
    return p.map(Pattern::pattern);
  }

  @Override
  public String toString() {
    return include.map(p -> "=" + p.pattern()).orElse("") + exclude.map(p -> " !=" + p.pattern()).orElse("");
  }
}
