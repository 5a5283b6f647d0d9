package dev.exportersuite.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bcrypt checks of basic_auth_users: the hashes users make, and the cache that spares a scrape the bcrypt cost. */
class BasicAuthUsersTest {

  /** htpasswd -nbBC 10 prometheus scrape-s3cret (Debian's apache2-utils). */
  static final String HTPASSWD_COST_10 = WebConfigReaderTest.HASH_10;
  /** The exporter-toolkit's own test user (web/testdata/web_config_users.good.yml): alice, alice123, cost 12. */
  static final String TOOLKIT_COST_12 = "$2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby";

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hashesOfCost10And12FromHtpasswdAndTheToolkitVerify() {
    BasicAuthUsers users = new BasicAuthUsers(Map.of("prometheus", BcryptHash.parse(HTPASSWD_COST_10),
        "alice", BcryptHash.parse(TOOLKIT_COST_12)));
    assertThat(users.check("prometheus", b("scrape-s3cret"))).isTrue();
    assertThat(users.check("prometheus", b("scrape-s3cret "))).isFalse();
    assertThat(users.check("alice", b("alice123"))).isTrue();
    assertThat(users.check("alice", b("alice1234"))).isFalse();
    assertThat(users.check("bob", b("alice123"))).isFalse();
    assertThat(BcryptHash.parse(TOOLKIT_COST_12).cost()).isEqualTo(12);
    assertThat(BcryptHash.parse(TOOLKIT_COST_12).toString()).isEqualTo("bcrypt hash (cost 12)");
  }

  @Test
  void aSuccessfulCheckIsCachedAndAFailedOneIsNot() {
    BasicAuthUsers users = new BasicAuthUsers(Map.of("prometheus", BcryptHash.parse(HTPASSWD_COST_10)));
    for (int i = 0; i < 5; i++) {
      assertThat(users.check("prometheus", b("scrape-s3cret"))).isTrue();
    }
    assertThat(users.bcryptRuns()).isEqualTo(1);
    users.check("prometheus", b("guess"));
    users.check("prometheus", b("guess"));
    assertThat(users.bcryptRuns()).isEqualTo(3);
    // an unknown user costs a bcrypt run too, so that it answers as slowly as a known one
    users.check("nobody", b("guess"));
    assertThat(users.bcryptRuns()).isEqualTo(4);
    assertThat(users.cached()).isEqualTo(1);
  }

  @Test
  void theCacheIsBounded() {
    Map<String, BcryptHash> many = new LinkedHashMap<>();
    for (int i = 0; i < BasicAuthUsers.CACHE_SIZE + 20; i++) {
      many.put("u" + i, BcryptHash.parse(BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4,
          ("p" + i).toCharArray())));
    }
    BasicAuthUsers users = new BasicAuthUsers(many);
    for (int i = 0; i < BasicAuthUsers.CACHE_SIZE + 20; i++) {
      assertThat(users.check("u" + i, b("p" + i))).isTrue();
    }
    assertThat(users.cached()).isEqualTo(BasicAuthUsers.CACHE_SIZE);
  }

  @Test
  void aPasswordLongerThan72BytesNeverMatchesAsInGo() {
    String max = "x".repeat(72);
    BasicAuthUsers users = new BasicAuthUsers(Map.of("u", BcryptHash.parse(BCrypt.with(BCrypt.Version.VERSION_2Y)
        .hashToString(4, max.toCharArray()))));
    assertThat(users.check("u", b(max))).isTrue();
    assertThat(users.check("u", b(max + "y"))).isFalse();
  }
}
