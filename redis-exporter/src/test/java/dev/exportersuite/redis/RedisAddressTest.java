package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.endpoint.HostPort;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The address forms redis_exporter users write, and what the strict grammar refuses. */
class RedisAddressTest {

  @Test
  void acceptedForms() {
    RedisAddress plain = RedisAddress.parse("redis://cache-1:6380/3");
    assertThat(plain.server()).contains(new HostPort("cache-1", 6380));
    assertThat(plain.database()).isEqualTo(3);
    assertThat(plain.tls()).isFalse();
    assertThat(RedisAddress.parse("cache-1")).isEqualTo(RedisAddress.parse("redis://cache-1:6379"));
    assertThat(RedisAddress.parse("rediss://[::1]:6390").tls()).isTrue();
    assertThat(RedisAddress.parse("valkeys://h").tls()).isTrue();
    assertThat(RedisAddress.parse("unix:///run/redis/redis.sock").socket().orElseThrow().path())
        .isEqualTo("/run/redis/redis.sock");
    assertThat(RedisAddress.parse("/run/redis.sock").socket()).isPresent();
  }

  @Test
  void credentialsEndAtTheLastAtSoPasswordsNeedNoEncoding() {
    RedisAddress a = RedisAddress.parse("redis://app:p@ss#w/rd?x@cache:6379");
    assertThat(a.user()).contains("app");
    assertThat(a.password()).contains("p@ss#w/rd?x");
    assertThat(a.server()).contains(new HostPort("cache", 6379));
    assertThat(RedisAddress.parse("redis://:p%23w%25@cache").password()).contains("p#w%");
    assertThat(a.display()).isEqualTo("redis://app:***@cache:6379").doesNotContain("ss#w");
    assertThatThrownBy(() -> RedisAddress.parse("redis://:100%sure@cache"))
        .hasMessageContaining("%25").hasMessageNotContaining("sure");
  }

  @Test
  void aHashIsPartOfThePasswordBeforeTheAtAndRefusedAfterIt() {
    RedisAddress a = RedisAddress.parse("redis://:pa#ss@cache-1:6379");
    assertThat(a.password()).contains("pa#ss");
    assertThat(a.server().orElseThrow().host()).isEqualTo("cache-1");
    assertThat(a.display()).isEqualTo("redis://:***@cache-1:6379");
    assertThat(RedisAddress.parse("redis://:pa%23ss@cache-1").password()).contains("pa#ss");
    assertThatThrownBy(() -> RedisAddress.parse("redis://:pa#zq")).hasMessageContaining("write # as %23")
        .hasMessageNotContaining("zq");
  }

  @Test
  void optionsCannotRideInOnTheAddress() {
    for (String attack : new String[] {
        "redis://127.0.0.1:6379?timeout=0", "redis://127.0.0.1:6379/0?clientName=x", "redis://127.0.0.1:6379#frag",
        "redis://127.0.0.1:6379/0/1", "redis-sentinel://127.0.0.1:26379?sentinelMasterId=m",
        "redis://127.0.0.1,127.0.0.2:6379", "redis://127.0.0.1:6379 ", "redis://[::1%lo]:6379", "redis://::1:6379",
        "unix:///tmp/../x.sock", "unix://:pw@/tmp/x.sock", "ftp://h:21", "redis://h:" + "9".repeat(6),
        "redis://" + "h".repeat(2000)}) {
      assertThatThrownBy(() -> RedisAddress.parse(attack)).as(attack).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theClientUriIsBuiltFromPartsOnly() {
    RedisTarget t = new RedisTarget(RedisAddress.parse("rediss://u:pw@cache:6380/2"), Optional.empty(),
        Optional.of("flagpw"), Duration.ofSeconds(3), RedisTarget.Tls.NONE, RedisTarget.Session.DEFAULT);
    RedisURI uri = t.uri();
    assertThat(uri.getHost()).isEqualTo("cache");
    assertThat(uri.getPort()).isEqualTo(6380);
    assertThat(uri.getDatabase()).isEqualTo(2);
    assertThat(uri.isSsl()).isTrue();
    assertThat(uri.getUsername()).isEqualTo("u");
    assertThat(new String(uri.getPassword())).isEqualTo("pw");
    assertThat(uri.getClientName()).isEqualTo("redis_exporter");
    assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(t.secrets()).contains("pw", "flagpw");
    assertThat(t.toString()).doesNotContain("pw@").doesNotContain("flagpw");
  }
}
