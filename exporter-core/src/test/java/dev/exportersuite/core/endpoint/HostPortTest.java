package dev.exportersuite.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

  @Test
  void acceptsNamesIpv4AndBracketedIpv6WithAnOptionalPort() {
    assertThat(HostPort.parse("db", 3306)).isEqualTo(new HostPort("db", 3306));
    assertThat(HostPort.parse("db-1.prod.example.com.:3307", 3306).port()).isEqualTo(3307);
    assertThat(HostPort.parse("mysql_primary:3306", 1).host()).isEqualTo("mysql_primary");
    assertThat(HostPort.parse("10.0.0.255:1", 3306)).isEqualTo(new HostPort("10.0.0.255", 1));
    assertThat(HostPort.parse("[::1]", 6379)).isEqualTo(new HostPort("::1", 6379));
    assertThat(HostPort.parse("[fe80::1:2]:9", 6379).authority()).isEqualTo("[fe80::1:2]:9");
    assertThat(HostPort.parse("[::ffff:127.0.0.1]:1", 2).isIpv6()).isTrue();
  }

  @Test
  void refusesEverythingElseWithAOneLineBoundedReason() {
    String[] bad = {"", "db:", "db:0", "db:65536", "db:+1", "db: 1", "db:1x", " db", "db\t", "db\n:1", "a..b",
        "-db", "db-", "db/x", "db?x", "db#x", "(host=x)", "a,b", "a=b", "u@h", "%41", "999.1.1.1", "1.2.3",
        "1.2.3.4.5", "::1", "[::1", "[db]:1", "[::1]x", "[::1%eth0]:1", "[1:2:3:4:5:6:7:8:9]", "h\u00e9st",
        "a".repeat(64), "a".repeat(301), "127.0.x.1", "0x7f", "0x7f.1", "db.0X1f", "db.123", "db.1.:1",
        "010.0.0.1", "127.0.0.01", "[::00000]", "[1::12345]:1", "[::ffff:127.0.0.010]", "[::1.2.3.4:1]", "[0:7.0.0.1A]:80"};
    for (String text : bad) {
      assertThatThrownBy(() -> HostPort.parse(text, 3306)).as(text)
          .isInstanceOf(InvalidAddressException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(260));
    }
  }

  @Test
  void messagesRepeatLittleOfTheInputAndEscapeIt() {
    String flood = "x\u0007" + "(".repeat(10_000);
    assertThatThrownBy(() -> HostPort.parse(flood, 1)).hasMessageNotContaining("\u0007")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    assertThat(InputText.quote("a\nb")).isEqualTo("'a\\u000ab'");
  }

  /** Found by HostPortFuzzTest: 64 control characters were quoted as 384, a 236-character message. */
  @Test
  void quotingCountsEscapesInItsBound() {
    String controls = "db." + "\u0000".repeat(100);
    assertThat(InputText.quote(controls)).isEqualTo("'db." + "\\u0000".repeat(10) + "' (90 more characters)");
    assertThatThrownBy(() -> HostPort.parse(controls, 1))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(200));
  }

  @Test
  void socketPaths() {
    assertThat(new SocketPath("/run/mysqld/mysqld.sock").path()).isEqualTo("/run/mysqld/mysqld.sock");
    for (String bad : new String[] {"", "run/x.sock", "/a/../etc/passwd", "/a b", "/a?x", "/" + "a".repeat(107)}) {
      assertThatThrownBy(() -> new SocketPath(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
