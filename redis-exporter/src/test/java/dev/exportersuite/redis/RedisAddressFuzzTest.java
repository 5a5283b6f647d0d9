package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.TargetFuzz;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every accepted address gives a client URI with our options only, and never shows its password. */
class RedisAddressFuzzTest {

  @Test
  void acceptedAddressesCarryNoOptionsAndHideTheirPassword() {
    TargetFuzz.run(6379L, 50_000, 10_000, List.of("redis://127.0.0.1:6379", "rediss://u:secret@h:6380/2",
        "unix:///run/redis.sock", "h:1", "redis://h:6379?clientName=x&timeout=0#f",
        "redis-sentinel://h:26379?sentinelMasterId=m"), text -> {
          RedisAddress a;
          try {
            a = RedisAddress.parse(text);
          } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).doesNotContain("\n").doesNotContain("secret");
            return;
          }
          RedisURI uri = new RedisTarget(a, Optional.empty(), Optional.empty(), Duration.ofSeconds(7),
              RedisTarget.Tls.NONE, RedisTarget.Session.DEFAULT).uri();
          assertThat(uri.getClientName()).isEqualTo("redis_exporter");
          assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(uri.getSentinels()).isEmpty();
          assertThat(uri.getDatabase()).isBetween(0, 99_999);
          a.password().filter(p -> p.length() > 2)
              .ifPresent(p -> assertThat(a.display()).doesNotContain(":" + p + "@"));
          String location = a.display().substring(a.display().lastIndexOf('@') + 1);
          assertThat(location).doesNotContain("?").doesNotContain("#").doesNotContain(",");
        });
  }
}
