package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.snapshots.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void knownSecretsAndPasswordsInUrlsAndKeyValuesAreMasked() {
    Redactor r = new Redactor(List.of("p@ss:w0rd!"));
    assertThat(r.redact("Access denied using p@ss:w0rd! for root")).isEqualTo("Access denied using *** for root");
    assertThat(r.redact("cannot connect to redis://user:hunter2@cache:6379/0"))
        .isEqualTo("cannot connect to redis://user:***@cache:6379/0");
    assertThat(r.redact("url=jdbc:oracle:thin:@db?password=hunter2&user=x"))
        .isEqualTo("url=jdbc:oracle:thin:@db?password=***&user=x");
    assertThat(r.redact("no secret here")).isEqualTo("no secret here");
  }

  /** A short password masks itself, not letters of other words; MySQL's "using password: YES" stays readable. */
  @Test
  void onlyTheSecretItselfIsMasked() {
    Redactor r = new Redactor(List.of("x"));
    assertThat(r.redact("Access denied for user 'exporter'@'localhost' (using password: YES)"))
        .isEqualTo("Access denied for user 'exporter'@'localhost' (using password: YES)");
    assertThat(r.redact("login x failed; password=x")).isEqualTo("login *** failed; password=***");
    assertThat(r.redact("redis://:x@cache:6379")).isEqualTo("redis://:***@cache:6379");
    assertThat(new Redactor(List.of("pw")).redact("(using password: NO) pw")).isEqualTo("(using password: NO) ***");
  }
}
