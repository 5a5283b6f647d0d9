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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs requests against one Redis over lettuce. Each request takes a connection of its own from a small pool
 * (the engine bounds how many run at once), so a blocking command holds up nothing else; a connection whose
 * command timed out or whose socket failed is closed, never reused, and a new one is opened on demand. Nothing
 * reconnects in the background: with the server down, requests fail fast and {@code redis_up} says 0.
 */
final class RedisExecutor implements RequestExecutor<RedisRequest> {

  /** Event loops are shared by every target of the process (the /scrape endpoint opens many). */
  private static volatile ClientResources sharedResources;

  private final RedisTarget target;
  private final RedisClient client;
  private final RedisURI uri;
  private final BlockingQueue<StatefulRedisConnection<String, String>> idle = new LinkedBlockingQueue<>();
  private volatile boolean closed;

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
  }

  private static ClientResources resources() {
    ClientResources r = sharedResources;
    if (r == null) {
      synchronized (RedisExecutor.class) {
        if (sharedResources == null) {
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
    return switch (r.kind()) {
      case COMMAND -> r.isInfo()
          ? InfoText.rows(String.valueOf(run(deadline, r.args())))
          : ReplyRows.rows(run(deadline, r.args()));
      case SCRIPT -> ReplyRows.rows(script(deadline, r.script()));
      case KEYS -> withConnection(deadline, c -> new KeyScanner(c, deadline, uri.getDatabase()).run(r.keyCheck()));
    };
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    run(deadline, List.of("PING"));
  }

  @Override
  public List<String> secrets() {
    return target.secrets();
  }

  /** Connections open right now (idle ones), for tests that check nothing leaks. */
  int idleConnections() {
    return (int) idle.stream().filter(StatefulRedisConnection::isOpen).count();
  }

  private Object run(long deadline, List<String> args) throws Exception {
    return withConnection(deadline, c -> Commands.call(c, deadline, args));
  }

  /** EVALSHA first (the script's text is sent once per connection's server), EVAL when the server lacks it. */
  private Object script(long deadline, String body) throws Exception {
    String sha = sha1(body);
    return withConnection(deadline, c -> {
      try {
        return Commands.call(c, deadline, "EVALSHA", sha, "0");
      } catch (RedisCommandExecutionException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")) {
          return Commands.call(c, deadline, "EVAL", body, "0");
        }
        throw e;
      }
    });
  }

  private interface Work<T> {
    T run(StatefulRedisConnection<String, String> connection) throws Exception;
  }

  private <T> T withConnection(long deadline, Work<T> work) throws Exception {
    StatefulRedisConnection<String, String> idleOne = takeIdle();
    if (idleOne == null) {
      return use(connect(deadline), work);
    }
    try {
      return use(idleOne, work);
    } catch (RedisCommandExecutionException | Commands.CommandTimeout | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      // A connection that waited idle may have been cut meanwhile (a server restart) before its closing was
      // noticed: the request never reached a server. As Go's database/sql does with a bad connection, run it once
      // more on a new connection, within the same deadline; the requests are reads.
      if (closed || deadline - System.nanoTime() <= 0) {
        throw e;
      }
      return use(connect(deadline), work);
    }
  }

  private <T> T use(StatefulRedisConnection<String, String> c, Work<T> work) throws Exception {
    boolean reusable = false;
    try {
      T result = work.run(c);
      reusable = true;
      return result;
    } catch (RedisCommandExecutionException e) {
      // The server answered with an error: the connection itself is fine.
      reusable = true;
      throw e;
    } finally {
      if (reusable && !closed && c.isOpen()) {
        idle.offer(c);
      } else {
        c.closeAsync();
      }
    }
  }

  /** An idle connection that still looks open, or null. */
  private StatefulRedisConnection<String, String> takeIdle() {
    StatefulRedisConnection<String, String> c;
    while ((c = idle.poll()) != null) {
      if (c.isOpen()) {
        return c;
      }
      c.closeAsync();
    }
    return null;
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
    try {
      return connecting.get(wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
      // A connect that finishes after we gave up must not stay open unowned.
      connecting.thenAccept(StatefulRedisConnection::closeAsync);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw e;
      }
      throw new Commands.CommandTimeout("could not connect to " + target.display() + " in time");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      String why = cause.getCause() != null && cause.getCause().getMessage() != null
          ? cause.getMessage() + ": " + cause.getCause().getMessage() : String.valueOf(cause.getMessage());
      throw new java.io.IOException(why, cause);
    }
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, String> c;
    while ((c = idle.poll()) != null) {
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
