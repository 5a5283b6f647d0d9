package dev.exportersuite.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.exportersuite.core.testing.FuzzText;
import dev.exportersuite.core.testing.HangGuard;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Coverage-guided (Jazzer): whatever text {@link HostPort#parse} accepts round-trips through its own authority,
 * holds only address characters and, where Java's URI parser reads a server authority from it, means the same
 * host and port there; whatever it refuses is an {@link InvalidAddressException} with a bounded one-line message.
 */
class HostPortFuzzTest {

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"[", "]", ":", "::", "[::1]", ".", "..", "-", "_", "@", "/", "?", "#", "%", "(", ")", "=",
      ",", "127.0.0.1", "3306", "6379", "65535", "65536", "0", "255", "256", "ffff", "::ffff:1.2.3.4", "%25eth0"})
  void acceptedAddressesAreCanonicalAndHoldNothingElse(byte[] bytes) throws Exception {
    String text = FuzzText.utf8(bytes);
    HostPort hp;
    try {
      hp = HangGuard.call(() -> HostPort.parse(text, 3306));
    } catch (InvalidAddressException refused) {
      FuzzText.assertRefusalIsOneBoundedLine(refused.getMessage());
      FuzzText.assertRefusalIsOneBoundedLine(refused.reason());
      return;
    }
    assertThat(hp.authority()).matches("[A-Za-z0-9._\\-]+:[0-9]+|\\[[0-9A-Fa-f:.]+]:[0-9]+");
    assertThat(HostPort.parse(hp.authority(), 1)).isEqualTo(hp);
    assertThat(HostPort.checkHost(hp.host())).isEqualTo(hp.host());
    URI uri;
    try {
      uri = new URI("tcp://" + hp.authority() + "/");
    } catch (URISyntaxException e) {
      throw new AssertionError("an accepted address is not a URI authority: " + hp.authority(), e);
    }
    // Java's URI reads a name with '_' or an all-digit last label as a registry authority (no host): no oracle.
    if (uri.getHost() != null) {
      assertThat(uri.getHost()).isIn(hp.host(), "[" + hp.host() + "]");
      assertThat(uri.getPort()).isEqualTo(hp.port());
    }
  }
}
