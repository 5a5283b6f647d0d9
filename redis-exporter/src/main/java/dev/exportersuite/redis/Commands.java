package dev.exportersuite.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends raw commands through lettuce's {@code dispatch} and waits for them within a deadline. */
final class Commands {

  private Commands() {}

  /** A command word as lettuce wants it; any name works, so new and module commands need no code. */
  private record Keyword(String word, byte[] bytes) implements ProtocolKeyword {
    Keyword(String word) {
      this(word.toUpperCase(Locale.ROOT), word.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] getBytes() {
      return bytes;
    }

    @Override
    public String toString() {
      return word;
    }
  }

  /** Sends with the limits of the exporter's own commands ({@link ReplyLimits#INTERNAL}). */
  static RedisFuture<Object> send(StatefulRedisConnection<String, String> c, List<String> args) {
    return send(c, args, ReplyLimits.INTERNAL);
  }

  static RedisFuture<Object> send(StatefulRedisConnection<String, String> c, List<String> args,
      ReplyLimits limits) {
    return send(c, args, new ReplyOutput(limits));
  }

  /**
   * Sends a command whose arguments may hold keys as bytes: each is a {@link String} (sent as UTF-8) or a
   * {@link KeyName} (sent as its bytes); the reply is read by {@code output}.
   */
  static RedisFuture<Object> send(StatefulRedisConnection<String, String> c, List<?> args, ReplyOutput output) {
    CommandArgs<String, String> a = new CommandArgs<>(StringCodec.UTF8);
    for (int i = 1; i < args.size(); i++) {
      if (args.get(i) instanceof KeyName k) {
        a.add(k.bytes());
      } else {
        a.add((String) args.get(i));
      }
    }
    return c.async().dispatch(new Keyword((String) args.get(0)), output, a);
  }

  /** {@link #send(StatefulRedisConnection, List, ReplyOutput)} with the exporter's own limits. */
  static RedisFuture<Object> sendKeys(StatefulRedisConnection<String, String> c, Object... args) {
    return send(c, List.of(args), new ReplyOutput(ReplyLimits.INTERNAL));
  }

  static Object call(StatefulRedisConnection<String, String> c, long deadlineNanos, String... args) throws Exception {
    return await(send(c, List.of(args)), deadlineNanos, args[0]);
  }

  static Object call(StatefulRedisConnection<String, String> c, long deadlineNanos, List<String> args)
      throws Exception {
    return await(send(c, args), deadlineNanos, args.get(0));
  }

  static Object call(StatefulRedisConnection<String, String> c, long deadlineNanos, ReplyLimits limits,
      String... args) throws Exception {
    return await(send(c, List.of(args), limits), deadlineNanos, args[0]);
  }

  static Object call(StatefulRedisConnection<String, String> c, long deadlineNanos, ReplyLimits limits,
      List<String> args) throws Exception {
    return await(send(c, args, limits), deadlineNanos, args.get(0));
  }

  /** Waits for a reply; a timeout says which command and is a {@link CommandTimeout} so the connection is dropped. */
  static Object await(RedisFuture<Object> f, long deadlineNanos, String what) throws Exception {
    long wait = deadlineNanos - System.nanoTime();
    try {
      return f.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new CommandTimeout(what.toUpperCase(Locale.ROOT), what.toUpperCase(Locale.ROOT) + " got no reply in "
          + "time (querytimeout); its connection is closed so that the server drops it");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RedisCommandExecutionException server) {
        // The server's text goes to labels, logs and the landing page: bounded, and not chained (the original
        // can be a script's megabytes).
        throw new RedisCommandExecutionException(ServerErrors.bounded(server.getMessage()));
      }
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }

  /** A command that did not answer in time: its connection may still be busy and must not be reused. */
  static final class CommandTimeout extends Exception {
    private final String command;

    CommandTimeout(String message) {
      this("", message);
    }

    CommandTimeout(String command, String message) {
      super(message);
      this.command = command;
    }

    /** The command word that timed out (upper-case), empty when it was the connect. */
    String command() {
      return command;
    }
  }
}
