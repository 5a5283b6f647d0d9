package dev.exportersuite.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.TargetFuzz;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever the grammar accepts round-trips through its own authority and holds only address characters. */
class HostPortFuzzTest {

  @Test
  void acceptedAddressesAreCanonicalAndHoldNothingElse() {
    TargetFuzz.run(20261123L, 200_000, 10_000, List.of("db:3306", "127.0.0.1", "[::1]:6379", "a.b-c_d:1",
        "(host=127.0.0.1,port=3399,allowLoadLocalInfile=true),x:3306", "127.0.0.1/?autoDeserialize=true&x="),
        text -> {
          HostPort hp;
          try {
            hp = HostPort.parse(text, 3306);
          } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(300);
            return;
          }
          assertThat(hp.authority()).matches("[A-Za-z0-9._\\-]+:[0-9]+|\\[[0-9A-Fa-f:.]+]:[0-9]+");
          assertThat(HostPort.parse(hp.authority(), 1)).isEqualTo(hp);
        });
  }
}
