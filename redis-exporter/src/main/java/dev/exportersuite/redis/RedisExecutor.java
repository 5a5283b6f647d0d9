package dev.exportersuite.redis;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs requests against one Redis over lettuce. Ordinary commands and scripts share one connection, pipelined
 * (Redis runs one command at a time anyway, so they wait no longer than on connections of their own), which is
 * all an idle exporter holds, as redis_exporter holds one. A request that blocks its connection (BLPOP, XREAD
 * BLOCK, WAIT) or changes its state (SELECT, the key checks, MULTI, CLIENT SETNAME) runs on a connection of its
 * own, closed afterwards, so it holds up nothing else and leaves nothing behind. A connection whose command timed
 * out or whose socket failed is closed, never reused, and a new one is opened on demand. Nothing reconnects in the
 * background: with the server down, requests fail fast and {@code redis_up} says 0.
 */
final class RedisExecutor implements RequestExecutor<RedisRequest> {

  /** Event loops are shared by every target of the process (the /scrape endpoint opens many). */
  private static volatile ClientResources sharedResources;
  private static final String LETTUCE_JFR = "io.lettuce.core.jfr";
  private static final String NETTY_ALLOCATOR = "io.netty.allocator.type";

  /** Redis's default number of databases, used when CONFIG cannot say (as redis_exporter does). */
  static final int DEFAULT_DATABASES = 16;

  private final RedisTarget target;
  private final RedisClient client;
  private final RedisURI uri;
  private final Object connecting = new Object();
  private volatile StatefulRedisConnection<String, String> shared;
  /** The server's database count: it changes only with a restart, which drops the connection and this with it. */
  private volatile Integer databases;
  private volatile boolean closed;
  private final ScriptKiller scripts;

  RedisExecutor(RedisTarget target) {
    this.target = target;
    this.uri = target.uri();
    this.client = RedisClient.create(resources(), uri);
    ClientOptions.Builder options = ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
        .socketOptions(SocketOptions.builder().connectTimeout(target.connectTimeout()).keepAlive(true).build());
    if (target.usesTls()) {
      SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
      // PEM files, as redis_exporter takes them (truststore() would want a JKS or PKCS#12 keystore).
      target.tls().caFile().ifPresent(f -> ssl.trustManager(f.toFile()));
      if (target.tls().clientCert().isPresent() && target.tls().clientKey().isPresent()) {
        ssl.keyManager(target.tls().clientCert().get().toFile(), target.tls().clientKey().get().toFile(), null);
      }
      options.sslOptions(ssl.build());
    }
    client.setOptions(options.build());
    this.scripts = new ScriptKiller(this::connect, target.display());
  }

  static ClientResources resources() {
    ClientResources r = sharedResources;
    if (r == null) {
      synchronized (RedisExecutor.class) {
        if (sharedResources == null) {
          // Lettuce records every command and connection event as a JFR event unless told not to: 120 more
          // classes (jdk.jfr) and work on each command that this exporter never reads. -Dio.lettuce.core.jfr=true
          // brings them back for a profile of lettuce itself.
          if (System.getProperty(LETTUCE_JFR) == null) {
            System.setProperty(LETTUCE_JFR, "false");
          }
          // Netty's pooled allocator reserves arenas of MiB for a client that reads a few tens of KiB per scrape:
          // unpooled buffers cost 4 MiB less resident memory at no measured throughput (docs/performance.md).
          // Set before lettuce loads netty's allocator; -Dio.netty.allocator.type=pooled restores it.
          if (System.getProperty(NETTY_ALLOCATOR) == null) {
            System.setProperty(NETTY_ALLOCATOR, "unpooled");
          }
          sharedResources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        }
        r = sharedResources;
      }
    }
    return r;
  }

  RedisTarget target() {
    return target;
  }

  @Override
  public List<Row> fetch(RedisRequest r, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (r.kind() == RedisRequest.Kind.KEYS && r.keyCheck().mode() == KeyCheck.Mode.KEY_GROUPS
        && r.keyCheck().groups().isEmpty()) {
      // redis_exporter's always-present key-group duration, without --check-key-groups: nothing to ask.
      return KeyGroupReader.withoutGroups();
    }
    Work<List<Row>> work = switch (r.kind()) {
      case COMMAND -> c -> command(c, deadline, r);
      case SCRIPT -> c -> ReplyRows.rows(script(c, deadline, r.script()));
      case SCRIPTS -> c -> scripts(c, deadline, r.args());
      case KEYS -> r.keyCheck().cluster() ? null : c -> new KeyScanner(c, deadline, uri.getDatabase())
          .run(r.keyCheck(), r.keyCheck().mode() == KeyCheck.Mode.KEY_GROUPS ? databases(c, deadline) : 0);
    };
    if (work == null) {
      return ClusterKeys.rows(uri, client.getOptions(), r.keyCheck(), deadline);
    }
    scripts.checkNotRunning(r, deadline);
    try {
      return r.exclusive() ? exclusive(deadline, work) : shared(deadline, work);
    } catch (Commands.CommandTimeout e) {
      // A script keeps running on the server after its connection is closed: stop it there.
      java.util.Optional<String> kill = ScriptKiller.killFor(e.command());
      if (kill.isPresent()) {
        throw scripts.timedOut(r, kill.get(), e);
      }
      throw e;
    }
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      shared(deadline, c -> Commands.call(c, deadline, "PING"));
    } catch (RedisCommandExecutionException e) {
      // BUSY while a script of ours that timed out still runs: say so, rather than only the server's words.
      java.util.Optional<String> ours = String.valueOf(e.getMessage()).startsWith("BUSY")
          ? scripts.stillRunning() : java.util.Optional.empty();
      if (ours.isPresent()) {
        throw new ScriptKiller.StillRunning(ours.get());
      }
      throw e;
    }
  }

  @Override
  public List<String> secrets() {
    return target.secrets();
  }

  /** Connections this executor holds open right now, for tests that check nothing leaks. */
  int openConnections() {
    StatefulRedisConnection<String, String> c = shared;
    return c != null && c.isOpen() ? 1 : 0;
  }

  private List<Row> command(StatefulRedisConnection<String, String> c, long deadline, RedisRequest r)
      throws Exception {
    List<String> args = r.args();
    if (r.commandName().equals("CONFIG") && !target.session().configCommand().equals("CONFIG")) {
      // --config-command: the server knows CONFIG by another name.
      args = new java.util.ArrayList<>(args);
      args.set(0, target.session().configCommand());
    }
    Object reply = Commands.call(c, deadline, target.limits(), args);
    if (r.isInfo()) {
      String text = String.valueOf(reply);
      if (!InfoText.hasKeyspace(text)) {
        return InfoText.rows(text);
      }
      // Databases without keys count as 0, up to the configured number (cluster mode has db0 only).
      return InfoText.withEmptyDatabases(text, InfoText.clusterEnabled(text) ? 1 : databases(c, deadline));
    }
    if (r.isClientList()) {
      return ClientListText.rows(String.valueOf(reply), System.currentTimeMillis() / 1000);
    }
    return ReplyRows.rows(reply);
  }

  /**
   * How many databases the server has: 1 in cluster mode, else CONFIG's {@code databases}, else 16 when CONFIG
   * is refused or skipped ({@code --config-command=-}), as redis_exporter counts them. Asked once, on {@code c}.
   */
  private int databases(StatefulRedisConnection<String, String> c, long deadline) throws Exception {
    Integer known = databases;
    if (known != null) {
      return known;
    }
    int n = DEFAULT_DATABASES;
    if (InfoText.clusterEnabled(String.valueOf(Commands.call(c, deadline, "INFO", "cluster")))) {
      n = 1;
    } else if (!target.session().skipConfig()) {
      try {
        Object v = StreamReader.map(Commands.call(c, deadline, target.session().configCommand(), "GET",
            "databases")).get("databases");
        n = v == null ? DEFAULT_DATABASES : Integer.parseInt(v.toString().strip());
      } catch (RedisCommandExecutionException | NumberFormatException e) {
        n = DEFAULT_DATABASES;
      }
    }
    databases = n;
    return n;
  }

  /** EVALSHA first (the script's text is sent once per connection's server), EVAL when the server lacks it. */
  private Object script(StatefulRedisConnection<String, String> c, long deadline, String body) throws Exception {
    String sha = sha1(body);
    try {
      return Commands.call(c, deadline, target.limits(), "EVALSHA", sha, "0");
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")) {
        return Commands.call(c, deadline, target.limits(), "EVAL", body, "0");
      }
      throw e;
    }
  }

  /** Several scripts in turn, each reply's {name, value, ...} as rows {key, values, filename}. */
  private List<Row> scripts(StatefulRedisConnection<String, String> c, long deadline, List<String> namesAndBodies)
      throws Exception {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < namesAndBodies.size(); i += 2) {
      String file = namesAndBodies.get(i);
      StreamReader.map(script(c, deadline, namesAndBodies.get(i + 1)))
          .forEach((k, v) -> rows.add(Row.of("key", k, "values", ReplyRows.scalar(v), "filename", file)));
    }
    return rows;
  }

  private interface Work<T> {
    T run(StatefulRedisConnection<String, String> connection) throws Exception;
  }

  /** Runs on the shared connection, opening it when there is none. */
  private <T> T shared(long deadline, Work<T> work) throws Exception {
    StatefulRedisConnection<String, String> c = shared;
    boolean fresh = false;
    if (c == null || !c.isOpen()) {
      synchronized (connecting) {
        c = shared;
        if (c == null || !c.isOpen()) {
          databases = null;
          c = connect(deadline);
          shared = c;
          fresh = true;
        }
      }
    }
    try {
      return work.run(c);
    } catch (RedisCommandExecutionException e) {
      // The server answered with an error: the connection itself is fine.
      throw e;
    } catch (Exception e) {
      drop(c);
      // A connection that waited idle may have been cut meanwhile (a server restart) before its closing was
      // noticed: the request never reached a server. As Go's database/sql does with a bad connection, run it once
      // more on a new connection, within the same deadline; the requests are reads.
      if (fresh || closed || e instanceof Commands.CommandTimeout || e instanceof InterruptedException
          || deadline - System.nanoTime() <= 0) {
        throw e;
      }
      return shared(deadline, work);
    }
  }

  /** Closes {@code c} and forgets it if it is the shared connection. */
  private void drop(StatefulRedisConnection<String, String> c) {
    synchronized (connecting) {
      if (shared == c) {
        shared = null;
      }
    }
    c.closeAsync();
  }

  /** Runs on a connection of its own, closed afterwards. */
  private <T> T exclusive(long deadline, Work<T> work) throws Exception {
    StatefulRedisConnection<String, String> c = connect(deadline);
    try {
      return work.run(c);
    } finally {
      c.closeAsync();
    }
  }

  private StatefulRedisConnection<String, String> connect(long deadline) throws Exception {
    if (closed) {
      throw new IllegalStateException("the exporter is shutting down");
    }
    long wait = deadline - System.nanoTime();
    if (wait <= 0) {
      throw new Commands.CommandTimeout("no time left to connect to " + target.display());
    }
    ConnectionFuture<StatefulRedisConnection<String, String>> connecting = client.connectAsync(StringCodec.UTF8, uri);
    StatefulRedisConnection<String, String> c;
    try {
      c = connecting.get(wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
      // A connect that finishes after we gave up must not stay open unowned.
      connecting.thenAccept(StatefulRedisConnection::closeAsync);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw e;
      }
      throw new Commands.CommandTimeout("could not connect to " + target.display() + " in time");
    } catch (java.util.concurrent.ExecutionException e) {
      // The reason in a few words; the client's chain of exceptions would be appended to it by the engine.
      throw new java.io.IOException(ConnectFailure.describe(target.display(), e.getCause()));
    }
    if (target.legacyAuth().isPresent()) {
      try {
        // lettuce authenticates with HELLO AUTH default <password>, which a server without a password accepts;
        // redis_exporter sends AUTH <password>, which such a server refuses. Ask the same, so that a password
        // the server does not expect is an error here too.
        Commands.call(c, deadline, "AUTH", target.legacyAuth().get());
      } catch (RedisCommandExecutionException e) {
        c.closeAsync();
        throw new java.io.IOException("cannot connect to " + target.display() + ": "
            + ServerErrors.bounded(e.getMessage()));
      } catch (Exception e) {
        c.closeAsync();
        throw e;
      }
    }
    return c;
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, String> c = shared;
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
