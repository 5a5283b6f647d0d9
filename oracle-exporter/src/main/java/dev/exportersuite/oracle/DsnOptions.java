package dev.exportersuite.oracle;

import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.InputText;
import dev.exportersuite.core.endpoint.InvalidAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options after {@code ?} in a DSN: a whitelist of go-ora's names (matched without regard to case, with
 * {@code +}, {@code %20} or {@code _} for the space) that ojdbc can honour. Anything else is refused by name, so
 * an option is never silently ignored; values are never repeated in a message (one of them is a password).
 *
 * @param servers extra addresses from {@code server=host:port} (repeatable)
 * @param role {@code dba privilege=} or {@code as=}
 * @param connectTimeout {@code connection timeout=} / {@code timeout=} / {@code connect timeout=}, whole seconds
 * @param ssl {@code ssl=true|enable}: TCPS
 * @param sslVerify {@code ssl verify=false}: do not match the server certificate's DN to the host
 * @param wallet {@code wallet=<directory>}
 * @param walletPassword {@code wallet password=}, kept out of {@link #toString()}
 * @param sid {@code sid=} instead of a service name
 * @param serviceName {@code service name=}, instead of the path
 * @param prefetchRows {@code prefetch_rows=}
 */
record DsnOptions(List<HostPort> servers, Optional<AdminRole> role, Optional<Duration> connectTimeout, boolean ssl,
    Optional<Boolean> sslVerify, Optional<String> wallet, Optional<String> walletPassword, Optional<String> sid,
    Optional<String> serviceName, Optional<Integer> prefetchRows) {

  static final DsnOptions NONE = new DsnOptions(List.of(), Optional.empty(), Optional.empty(), false,
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  static final String ACCEPTED = "server, dba privilege (or as), connection timeout (or timeout), ssl, ssl verify, "
      + "wallet, wallet password, sid, service name, prefetch_rows";

  /** Oracle service names and SIDs as the exporter accepts them. */
  static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._$#-]{1,128}");
  /** A wallet directory: a path without the characters that structure a connect descriptor. */
  private static final Pattern DIRECTORY = Pattern.compile("[^()=\"'\\\\\\p{Cntrl}]{1,512}");
  private static final int MAX_OPTIONS = 32;

  DsnOptions {
    servers = List.copyOf(servers);
  }

  /**
   * @param query the text after {@code ?}, not yet decoded
   * @throws IllegalArgumentException naming the option, never its value
   */
  static DsnOptions parse(String query) {
    List<HostPort> servers = new ArrayList<>();
    Optional<AdminRole> role = Optional.empty();
    Optional<Duration> timeout = Optional.empty();
    boolean ssl = false;
    Optional<Boolean> verify = Optional.empty();
    Optional<String> wallet = Optional.empty();
    Optional<String> walletPassword = Optional.empty();
    Optional<String> sid = Optional.empty();
    Optional<String> service = Optional.empty();
    Optional<Integer> prefetch = Optional.empty();
    Set<String> seen = new HashSet<>();
    String[] pairs = query.split("&", -1);
    if (pairs.length > MAX_OPTIONS) {
      throw new IllegalArgumentException("more than " + MAX_OPTIONS + " DSN options");
    }
    for (String pair : pairs) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = normalize(PercentDecoding.decodeOption(eq < 0 ? pair : pair.substring(0, eq)));
      if (eq < 0) {
        throw new IllegalArgumentException("DSN option " + InputText.quote(key) + " has no '=value'");
      }
      String value = PercentDecoding.decodeOption(pair.substring(eq + 1));
      String canonical = canonical(key);
      if (!canonical.equals("server") && !seen.add(canonical)) {
        throw new IllegalArgumentException("DSN option '" + canonical + "' is given twice");
      }
      try {
        switch (canonical) {
          case "server" -> servers.add(HostPort.parse(value.strip(), OracleDsn.DEFAULT_PORT));
          case "dba privilege" -> role = Optional.of(AdminRole.parse(value));
          case "connection timeout" -> timeout = Optional.of(Duration.ofSeconds(integer(value, 1, 3600)));
          case "ssl" -> ssl = bool(value);
          case "ssl verify" -> verify = Optional.of(bool(value));
          case "wallet" -> wallet = Optional.of(check(DIRECTORY, value, "a directory path without ( ) = or quotes"));
          case "wallet password" -> walletPassword = Optional.of(nonEmpty(value));
          case "sid" -> sid = Optional.of(check(SERVICE, value, "1 to 128 of A-Z a-z 0-9 . _ $ # -"));
          case "service name" -> service = Optional.of(check(SERVICE, value, "1 to 128 of A-Z a-z 0-9 . _ $ # -"));
          case "prefetch rows" -> prefetch = Optional.of(integer(value, 1, 10_000));
          default -> throw new IllegalArgumentException("unknown DSN option " + InputText.quote(key)
              + "; accepted: " + ACCEPTED);
        }
      } catch (InvalidAddressException e) {
        throw new IllegalArgumentException("DSN option 'server': " + e.getMessage());
      } catch (IllegalArgumentException e) {
        if (e.getMessage().startsWith("unknown DSN option")) {
          throw e;
        }
        throw new IllegalArgumentException("DSN option '" + canonical + "': " + e.getMessage());
      }
    }
    if (sid.isPresent() && service.isPresent()) {
      throw new IllegalArgumentException("DSN options 'sid' and 'service name' exclude each other");
    }
    return new DsnOptions(servers, role, timeout, ssl, verify, wallet, walletPassword, sid, service, prefetch);
  }

  /** Lower case, {@code _} as space, single spaces: {@code CONNECTION_TIMEOUT} is {@code connection timeout}. */
  private static String normalize(String key) {
    return key.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
  }

  private static String canonical(String key) {
    return switch (key) {
      case "as" -> "dba privilege";
      case "timeout", "connect timeout" -> "connection timeout";
      default -> key;
    };
  }

  private static int integer(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
  }

  private static boolean bool(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "enable", "enabled", "on", "1", "yes" -> true;
      case "false", "disable", "disabled", "off", "0", "no" -> false;
      default -> throw new IllegalArgumentException("must be true or false (enable or disable)");
    };
  }

  private static String check(Pattern p, String value, String what) {
    if (!p.matcher(value).matches()) {
      throw new IllegalArgumentException("must be " + what);
    }
    return value;
  }

  private static String nonEmpty(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    return value;
  }

  @Override
  public String toString() {
    return "DsnOptions[servers=" + servers + ", role=" + role.map(Enum::name).orElse("") + ", connectTimeout="
        + connectTimeout.map(Duration::toSeconds).map(s -> s + "s").orElse("") + ", ssl=" + ssl + ", wallet="
        + wallet.orElse("") + ", walletPassword=" + (walletPassword.isPresent() ? "***" : "") + ", sid="
        + sid.orElse("") + ", serviceName=" + serviceName.orElse("") + "]";
  }
}
