package dev.exportersuite.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetAllowListTest {

  private static boolean allows(List<String> rules, String target) {
    return TargetAllowList.parse(rules).allows(HostPort.parse(target, 3306));
  }

  @Test
  void networksMatchAddressLiteralsOnly() {
    List<String> nets = List.of("10.0.0.0/8", "fd00::/8");
    assertThat(allows(nets, "10.1.2.3:3306")).isTrue();
    assertThat(allows(nets, "11.1.2.3")).isFalse();
    assertThat(allows(nets, "[fd12::1]:6379")).isTrue();
    assertThat(allows(nets, "[fe80::1]")).isFalse();
    // a name is not resolved to be checked against a network: what it resolves to may change after the check
    assertThat(allows(nets, "localhost")).isFalse();
    assertThat(allows(List.of("0.0.0.0/0"), "192.168.1.1")).isTrue();
  }

  @Test
  void hostPatternsAndPorts() {
    List<String> rules = List.of("*.db.example.com", "cache-1:6379", "127.0.0.1:3306");
    assertThat(allows(rules, "a.db.example.com")).isTrue();
    assertThat(allows(rules, "A.B.DB.example.COM:3307")).isTrue();
    assertThat(allows(rules, "db.example.com")).isFalse();
    assertThat(allows(rules, "evil.com")).isFalse();
    assertThat(allows(rules, "x.db.example.com.evil.com")).isFalse();
    assertThat(allows(rules, "cache-1:6379")).isTrue();
    assertThat(allows(rules, "cache-1:6380")).isFalse();
    assertThat(allows(rules, "127.0.0.1")).isTrue();
    assertThat(allows(rules, "127.0.0.1:3307")).isFalse();
    assertThat(allows(List.of("[::1]:6379"), "[0:0:0:0:0:0:0:1]:6379")).isTrue();
    assertThat(TargetAllowList.ANY.allows(HostPort.parse("anything", 1))).isTrue();
  }

  @Test
  void aBadRuleIsNamedByItsPosition() {
    assertThatThrownBy(() -> TargetAllowList.parse(List.of("10.0.0.0/8", "10.0.0.0/33")))
        .hasMessage("[1] '10.0.0.0/33': the prefix length is 0 to 32");
    assertThatThrownBy(() -> TargetAllowList.parse(List.of("db.example.com:99999")))
        .hasMessageContaining("a port is 1 to 65535");
    assertThatThrownBy(() -> TargetAllowList.parse(List.of("db/(.*)")))
        .hasMessageContaining("a network is an IP address");
    assertThatThrownBy(() -> TargetAllowList.parse(List.of("db (.*)")))
        .hasMessageContaining("a host pattern is letters");
    assertThatThrownBy(() -> TargetAllowList.parse(List.of(""))).hasMessageContaining("empty");
  }
}
