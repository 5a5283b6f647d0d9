package dev.exportersuite.core.config;

/**
 * A datastore module's request language: turns the text of a metrics-file {@code request} into the value its
 * executor runs. It runs when metrics files load (and under {@code --check-config}), so a mistake is reported
 * with the file and line before the first scrape.
 *
 * <p>Equal parsed requests are one round trip: the engine sends a request once per collection however many
 * definitions use it (several definitions reading {@code SHOW GLOBAL STATUS} or {@code INFO ALL}). A parsed
 * request should therefore be an immutable value (a record) whose equality means "the same round trip".
 *
 * @param <R> the module's parsed request
 */
@FunctionalInterface
public interface RequestParser<R> {

  /** @throws InvalidRequestException saying what is wrong and, when it can, which part of the text */
  R parse(String text) throws InvalidRequestException;
}
