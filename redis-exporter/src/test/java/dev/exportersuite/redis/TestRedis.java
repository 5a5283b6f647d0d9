package dev.exportersuite.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;

/**
 * The shared Redis of the machine, as tests use it: each test class works under its own key prefix (and its own
 * database where it needs one) and removes its keys afterwards. Never FLUSHALL: other suites share the server.
 */
final class TestRedis implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final int PORT = 6379;
  static final String ADDR = "redis://" + HOST + ":" + PORT;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  final String prefix = "rxtest:" + UUID.randomUUID().toString().substring(0, 8) + ":";

  TestRedis() {
    this(RedisURI.builder().withHost(HOST).withPort(PORT).withTimeout(Duration.ofSeconds(10)).build());
  }

  TestRedis(RedisURI uri) {
    client = RedisClient.create(uri);
    connection = client.connect();
  }

  RedisCommands<String, String> sync() {
    return connection.sync();
  }

  String key(String name) {
    return prefix + name;
  }

  /** Deletes this test's keys in one database, walking them with SCAN. */
  void cleanup(int db) {
    RedisCommands<String, String> r = sync();
    r.select(db);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = r.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
      if (!page.getKeys().isEmpty()) {
        r.unlink(page.getKeys().toArray(new String[0]));
      }
      cursor = page;
    } while (!cursor.isFinished());
    r.select(0);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
