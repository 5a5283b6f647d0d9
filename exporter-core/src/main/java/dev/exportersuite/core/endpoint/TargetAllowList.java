package dev.exportersuite.core.endpoint;

import dev.exportersuite.core.config.Regexes;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The targets a multi-target endpoint ({@code /probe}, {@code /scrape}) may connect to, so that a caller cannot
 * send the exporter's credentials to a host of their choosing. A rule is one of:
 *
 * <ul>
 *   <li>a network in CIDR form ({@code 10.0.0.0/8}, {@code fd00::/8}): matches targets written as an IP address
 *       in it. Names are not resolved for this: the address a name resolves to may change after the check;
 *   <li>a host, with {@code *} for any run of name characters ({@code *.db.example.com}, {@code db-*}), or an IP
 *       address; with {@code :port}, only that port.
 * </ul>
 *
 * Matching ignores case. An empty list means: any target (the Go exporters' behaviour; the start log says so).
 */
public final class TargetAllowList {

  public static final TargetAllowList ANY = new TargetAllowList(List.of(), List.of());
  public static final int MAX_RULES = 256;

  private static final Pattern HOST_GLOB = Pattern.compile("[A-Za-z0-9*._-]{1,253}");

  private record Rule(Optional<Network> network, Optional<Pattern> host, Optional<Integer> port) {}

  private record Network(BigInteger base, int bits, int length) {
    boolean contains(byte[] address) {
      if (address.length * 8 != length) {
        return false;
      }
      BigInteger a = new BigInteger(1, address);
      return a.shiftRight(length - bits).equals(base.shiftRight(length - bits));
    }
  }

  private final List<Rule> rules;
  private final List<String> written;

  private TargetAllowList(List<Rule> rules, List<String> written) {
    this.rules = List.copyOf(rules);
    this.written = List.copyOf(written);
  }

  /** @throws IllegalArgumentException naming the rule (by position) and what is wrong with it */
  public static TargetAllowList parse(List<String> texts) {
    if (texts.size() > MAX_RULES) {
      throw new IllegalArgumentException("more than " + MAX_RULES + " rules");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i) == null ? "" : texts.get(i).strip();
      try {
        rules.add(rule(t));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("[" + i + "] " + InputText.quote(t) + ": " + e.getMessage());
      }
    }
    return new TargetAllowList(rules, texts);
  }

  private static Rule rule(String t) {
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty; write 10.0.0.0/8, *.db.example.com or host:port");
    }
    int slash = t.indexOf('/');
    if (slash >= 0) {
      byte[] address = literal(t.substring(0, slash))
          .orElseThrow(() -> new IllegalArgumentException("a network is an IP address, '/' and a prefix length"));
      int bits;
      try {
        bits = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the prefix length is not a number");
      }
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException("the prefix length is 0 to " + address.length * 8);
      }
      return new Rule(Optional.of(new Network(new BigInteger(1, address), bits, address.length * 8)),
          Optional.empty(), Optional.empty());
    }
    String host = t;
    Optional<Integer> port = Optional.empty();
    int colon = t.lastIndexOf(':');
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("an IPv6 address in brackets needs its ']'");
      }
      host = t.substring(1, close);
      port = close + 1 < t.length() ? Optional.of(port(t.substring(close + 1))) : Optional.empty();
      literal(host).orElseThrow(() -> new IllegalArgumentException("not an IPv6 address"));
      return new Rule(Optional.empty(), Optional.of(Pattern.compile(Pattern.quote(normalized(host)))), port);
    }
    if (colon >= 0 && t.indexOf(':') == colon) {
      host = t.substring(0, colon);
      port = Optional.of(port(t.substring(colon)));
    } else if (colon >= 0) {
      literal(t).orElseThrow(() -> new IllegalArgumentException("write an IPv6 address in brackets"));
      return new Rule(Optional.empty(), Optional.of(Pattern.compile(Pattern.quote(normalized(t)))), port);
    }
    if (!HOST_GLOB.matcher(host).matches()) {
      throw new IllegalArgumentException("a host pattern is letters, digits, '.', '-', '_' and '*'");
    }
    String regex = ("\\Q" + host.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E[a-z0-9._-]*\\Q");
    return new Rule(Optional.empty(), Optional.of(Pattern.compile(regex)), port);
  }

  private static int port(String colonAndPort) {
    if (!colonAndPort.matches(":[0-9]{1,5}")) {
      throw new IllegalArgumentException("a port is ':' and 1 to 5 digits");
    }
    int p = Integer.parseInt(colonAndPort.substring(1));
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException("a port is 1 to 65535");
    }
    return p;
  }

  /** The bytes of an IP address literal, without any name lookup; empty for a host name. */
  private static Optional<byte[]> literal(String text) {
    boolean v4 = text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]{2,45}");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getAddress()); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String normalized(String host) {
    return literal(host).map(b -> {
      try {
        return InetAddress.getByAddress(b).getHostAddress();
      } catch (UnknownHostException e) {
        return host;
      }
    }).orElse(host).toLowerCase(Locale.ROOT);
  }

  public boolean isAny() {
    return rules.isEmpty();
  }

  public boolean allows(HostPort target) {
    if (rules.isEmpty()) {
      return true;
    }
    String host = target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1)
        : target.host();
    Optional<byte[]> address = literal(host);
    String name = normalized(host);
    for (Rule r : rules) {
      if (r.port().isPresent() && r.port().get() != target.port()) {
        continue;
      }
      if (r.network().isPresent() ? address.isPresent() && r.network().get().contains(address.get())
          : hostMatches(r.host().orElseThrow(), name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A pattern of many {@code *} backtracks polynomially over a long name a caller chose: a match past
   * {@link Regexes#MAX_MATCH_TIME} counts as no match, so the target is refused rather than a worker held.
   */
  private static boolean hostMatches(Pattern host, String name) {
    try {
      return Regexes.matcher(host, name).matches();
    } catch (Regexes.RegexTimeoutException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return rules.isEmpty() ? "any target" : String.join(", ", written);
  }
}
