package dev.exportersuite.core.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code basic_auth_users} of the web config and the check of a request's credentials, as the toolkit does
 * it: bcrypt, one computation at a time (it is meant to be slow), and successful checks cached so that a
 * scrape every few seconds does not pay it each time. The cache holds digests of user, hash and password, not
 * the password, and at most {@link #CACHE_SIZE} of them; failures are not cached, so wrong guesses cannot push
 * Prometheus's entry out.
 */
public final class BasicAuthUsers {

  /** As the toolkit's cache. */
  static final int CACHE_SIZE = 100;

  public static final BasicAuthUsers NONE = new BasicAuthUsers(Map.of());

  private final Map<String, BcryptHash> users;
  private final Map<String, Boolean> verified = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > CACHE_SIZE;
    }
  };
  private final Object bcrypt = new Object();
  private final AtomicLong bcryptRuns = new AtomicLong();
  /** Checked for unknown users so that they take as long as known ones; made at the first such request. */
  private BcryptHash decoy;

  public BasicAuthUsers(Map<String, BcryptHash> users) {
    this.users = Map.copyOf(users);
  }

  public boolean enabled() {
    return !users.isEmpty();
  }

  public int size() {
    return users.size();
  }

  /** Whether this user exists and this password matches its hash. */
  public boolean check(String user, byte[] password) {
    BcryptHash hash = users.get(user);
    if (hash == null) {
      synchronized (bcrypt) {
        decoy().matches(password);
        bcryptRuns.incrementAndGet();
      }
      return false;
    }
    String key = cacheKey(user, hash, password);
    synchronized (verified) {
      if (verified.get(key) != null) {
        return true;
      }
    }
    boolean ok;
    synchronized (bcrypt) {
      ok = hash.matches(password);
      bcryptRuns.incrementAndGet();
    }
    if (ok) {
      synchronized (verified) {
        verified.put(key, Boolean.TRUE);
      }
    }
    return ok;
  }

  /** How many bcrypt computations ran: what the cache saves. */
  long bcryptRuns() {
    return bcryptRuns.get();
  }

  int cached() {
    synchronized (verified) {
      return verified.size();
    }
  }

  private BcryptHash decoy() {
    if (decoy == null) {
      int cost = users.values().stream().mapToInt(BcryptHash::cost).max().orElse(10);
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      decoy = BcryptHash.parse(new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(cost, random),
          StandardCharsets.US_ASCII));
    }
    return decoy;
  }

  private static String cacheKey(String user, BcryptHash hash, byte[] password) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (byte[] part : new byte[][] {user.getBytes(StandardCharsets.UTF_8), hash.bytes(), password}) {
        d.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(part);
      }
      return Base64.getEncoder().encodeToString(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
