package dev.exportersuite.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops on the server a script whose request timed out, and keeps the same request from starting it again while
 * it may still run. Closing the connection that sent a script does not stop it: Redis runs it to its end and, past
 * its {@code busy-reply-threshold}, answers every other client BUSY. Only {@code SCRIPT KILL} ({@code FUNCTION
 * KILL} for {@code FCALL}) stops it, sent on a separate short-lived connection, and only while it has not written
 * (UNKILLABLE then; the remaining way out, {@code SHUTDOWN NOSAVE}, is an operator's decision, never ours).
 */
final class ScriptKiller {

  private static final Logger LOG = LoggerFactory.getLogger(ScriptKiller.class);

  /**
   * How long a kill may wait for the server: it reads no other client before busy-reply-threshold (5 s by
   * default), so the kill is answered only after that.
   */
  static final Duration KILL_WAIT = Duration.ofSeconds(15);
  /** How long the check before a new start waits for a PING. */
  private static final Duration PROBE_WAIT = Duration.ofSeconds(1);

  private static final String PENDING = "it outlived its querytimeout; the kill has no answer yet";

  /** Kills run off the scrape threads: one at a time is plenty, and none keeps the process alive. */
  private static final ExecutorService KILLS = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "redis-script-kill");
    t.setDaemon(true);
    return t;
  });

  /** Opens a connection of its own to the target within a deadline. */
  interface Opener {
    StatefulRedisConnection<String, String> open(long deadlineNanos) throws Exception;
  }

  /** The scrape-time error of a request whose script from an earlier scrape may still run. */
  static final class StillRunning extends Exception {
    StillRunning(String state) {
      super("script still running on the server from an earlier scrape (" + state + "); not started again");
    }
  }

  private final Opener opener;
  private final String target;
  /** Requests whose script may still run, with what is known of it. */
  private final ConcurrentHashMap<RedisRequest, String> running = new ConcurrentHashMap<>();

  ScriptKiller(Opener opener, String target) {
    this.opener = opener;
    this.target = target;
  }

  /** The kill command for a command word that runs a script: SCRIPT for EVAL*, FUNCTION for FCALL*. */
  static Optional<String> killFor(String command) {
    return switch (command.toUpperCase(Locale.ROOT)) {
      case "EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO" -> Optional.of("SCRIPT");
      case "FCALL", "FCALL_RO" -> Optional.of("FUNCTION");
      default -> Optional.empty();
    };
  }

  /**
   * Fails fast when {@code r}'s script from an earlier scrape still runs. The engine's PING before each scrape
   * normally finds the server BUSY first; this covers a request that comes without one (another engine on the same
   * server): a PING on a connection of its own tells whether the server is still busy (BUSY, or no answer).
   */
  void checkNotRunning(RedisRequest r, long deadlineNanos) throws StillRunning {
    String state = running.get(r);
    if (state == null) {
      return;
    }
    if (serverBusy(deadlineNanos)) {
      throw new StillRunning(state);
    }
    running.remove(r, state);
  }

  /** What is known of a script of ours that may still run, naming its request, if there is one. */
  Optional<String> stillRunning() {
    return running.entrySet().stream().findFirst().map(e -> "request '" + e.getKey() + "': " + e.getValue());
  }

  /**
   * {@code r} timed out while its script ({@code command}) ran: sends the kill in the background and returns the
   * request's error, which says so.
   */
  Commands.CommandTimeout timedOut(RedisRequest r, String kill, Commands.CommandTimeout timeout) {
    running.put(r, PENDING);
    KILLS.execute(() -> kill(r, kill));
    return new Commands.CommandTimeout(timeout.command(), timeout.command() + " got no reply in time "
        + "(querytimeout); " + kill + " KILL sent on a separate connection to stop it on the server");
  }

  private void kill(RedisRequest r, String kill) {
    long deadline = System.nanoTime() + KILL_WAIT.toNanos();
    String what = kill + " KILL";
    StatefulRedisConnection<String, String> c = null;
    try {
      c = opener.open(deadline);
      Commands.call(c, deadline, kill, "KILL");
      running.remove(r);
      LOG.warn("{}: request '{}' outlived its querytimeout and was stopped on the server ({}: OK)", target, r, what);
    } catch (RedisCommandExecutionException e) {
      String m = ServerErrors.bounded(e.getMessage());
      if (m.startsWith("NOTBUSY")) {
        running.remove(r);
        LOG.info("{}: request '{}' outlived its querytimeout but had ended before {} ({})", target, r, what, m);
      } else if (m.startsWith("UNKILLABLE")) {
        running.put(r, "UNKILLABLE: it has written, so Redis cannot stop it and it runs to its end; the exporter "
            + "does not send SHUTDOWN NOSAVE");
        LOG.error("{}: request '{}' outlived its querytimeout and cannot be stopped: {} answered {}; it is not "
            + "started again while the server is busy. Only SHUTDOWN NOSAVE (losing unsaved writes) would stop it",
            target, r, what, m);
      } else {
        running.put(r, what + " failed: " + m);
        LOG.error("{}: request '{}' outlived its querytimeout; {} failed: {}", target, r, what, m);
      }
    } catch (Exception e) {
      running.put(r, what + " got no answer: " + ServerErrors.bounded(String.valueOf(e.getMessage())));
      LOG.error("{}: request '{}' outlived its querytimeout; {} got no answer in {}s: {}", target, r, what,
          KILL_WAIT.toSeconds(), ServerErrors.bounded(String.valueOf(e.getMessage())));
    } finally {
      if (c != null) {
        c.closeAsync();
      }
    }
  }

  /** Whether the server still runs a script: BUSY to a PING, or no answer within a second. */
  private boolean serverBusy(long deadlineNanos) {
    long deadline = Math.min(deadlineNanos, System.nanoTime() + PROBE_WAIT.toNanos());
    StatefulRedisConnection<String, String> c = null;
    try {
      c = opener.open(deadline);
      Commands.call(c, deadline, "PING");
      return false;
    } catch (RedisCommandExecutionException e) {
      return String.valueOf(e.getMessage()).startsWith("BUSY");
    } catch (Commands.CommandTimeout e) {
      return true;
    } catch (Exception e) {
      // Down or refusing: the request meets that itself, with its own error.
      return false;
    } finally {
      if (c != null) {
        c.closeAsync();
      }
    }
  }
}
