package dev.exportersuite.mysql;

import java.util.Optional;

/** Who to log in as; the password is kept out of {@link #toString()}. */
public record Credentials(Optional<String> user, Optional<String> password) {

  public static final Credentials NONE = new Credentials(Optional.empty(), Optional.empty());

  /** {@code --mysqld.username=user:password}: the first colon splits, so the password may contain any character. */
  public static Credentials parseUserFlag(String value) {
    int colon = value.indexOf(':');
    return colon < 0
        ? new Credentials(Optional.of(value), Optional.empty())
        : new Credentials(Optional.of(value.substring(0, colon)), Optional.of(value.substring(colon + 1)));
  }

  /** This, with the gaps filled from {@code other}. */
  public Credentials or(Credentials other) {
    return new Credentials(user.or(other::user), password.or(other::password));
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user.orElse("") + ", password=" + (password.isPresent() ? "***" : "") + "]";
  }
}
