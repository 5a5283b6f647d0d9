package dev.exportersuite.core.endpoint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A TCP endpoint as a flag, a file, the environment or an HTTP request names it: a host name, an IPv4 address or
 * a bracketed IPv6 address, then an optional {@code :port}. Nothing else is accepted, so the result can go into a
 * driver URL with no character that means something to the driver: Connector/J reads {@code (key=value)},
 * {@code /?key=value} and {@code ,} in a host as connection options, lettuce reads {@code ?key=value}.
 *
 * @param host a host name or an IP address; IPv6 without brackets
 */
public record HostPort(String host, int port) {

  /** Longest text {@link #parse} reads: a 253-character name, brackets, colon and port, with room to spare. */
  public static final int MAX_TEXT = 300;

  /** A DNS label; underscores are allowed because container and compose service names use them. */
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9A-Fa-f]*");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  public HostPort {
    checkHost(host);
    if (port < 1 || port > 65535) {
      throw new InvalidAddressException(null, "port " + port + " is not between 1 and 65535");
    }
  }

  /**
   * {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}.
   *
   * @throws InvalidAddressException with a one-line reason that repeats at most {@link InputText#SHOWN}
   *     characters of the input
   */
  public static HostPort parse(String text, int defaultPort) {
    if (text == null || text.isEmpty()) {
      throw new InvalidAddressException(null, "the address is empty; expected host:port, e.g. 127.0.0.1:"
          + defaultPort);
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidAddressException(null, "the address is longer than " + MAX_TEXT + " characters");
    }
    int bad = InputText.firstUnprintable(text);
    if (bad >= 0) {
      throw new InvalidAddressException(text, "spaces and control characters are not allowed in an address");
    }
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new InvalidAddressException(text, "missing ] after the IPv6 address");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new InvalidAddressException(text, "only :port may follow [ipv6]");
      }
      port = rest.isEmpty() ? null : rest.substring(1);
      if (!host.contains(":")) {
        throw new InvalidAddressException(text, "brackets are only for IPv6 addresses");
      }
    } else {
      int colon = text.indexOf(':');
      if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
        throw new InvalidAddressException(text, "an IPv6 address needs brackets, e.g. [::1]:" + defaultPort
            + " (and a password needs an '@' after it)");
      }
      host = colon < 0 ? text : text.substring(0, colon);
      port = colon < 0 ? null : text.substring(colon + 1);
    }
    int p = defaultPort;
    if (port != null) {
      if (!PORT.matcher(port).matches()) {
        throw new InvalidAddressException(text, "the port is not a number from 1 to 65535");
      }
      p = Integer.parseInt(port);
    }
    try {
      return new HostPort(host, p);
    } catch (InvalidAddressException e) {
      throw new InvalidAddressException(text, e.reason());
    }
  }

  /**
   * Checks a host on its own (e.g. {@code host=} of an option file).
   *
   * @return the host
   * @throws InvalidAddressException saying which rule the host breaks
   */
  public static String checkHost(String host) {
    if (host == null || host.isEmpty()) {
      throw new InvalidAddressException(null, "the host is empty");
    }
    if (host.length() > 253) {
      throw new InvalidAddressException(null, "the host is longer than 253 characters");
    }
    if (host.indexOf(':') >= 0) {
      checkIpv6(host);
    } else if (DIGITS_AND_DOTS.matcher(host).matches()) {
      checkIpv4(host);
    } else {
      checkName(host);
    }
    return host;
  }

  private static void checkName(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new InvalidAddressException(null, label.isEmpty() ? "the host has an empty part between dots"
            : "the host is not a host name (letters, digits, '-' and '_' in dot-separated parts of at most 63)");
      }
    }
    // As URL parsers (WHATWG, java.net.URI under lettuce) and inet_aton read it, a host whose last part is a number
    // ("127.0.x.1", "0x7f") is an IPv4 address or nothing; it must not pass as a name.
    if (NUMBER.matcher(labels[labels.length - 1]).matches()) {
      throw new InvalidAddressException(null, "the host ends in a number but is not an IPv4 address");
    }
  }

  private static void checkIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      throw new InvalidAddressException(null, "the host is not an IPv4 address");
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
        throw new InvalidAddressException(null, "the host is not an IPv4 address");
      }
      // inet_aton reads 010 as octal 8 and Java as 10: refused, as Go's net.ParseIP refuses it.
      if (part.length() > 1 && part.charAt(0) == '0') {
        throw new InvalidAddressException(null, "the host is not an IPv4 address (a part with a leading zero)");
      }
    }
  }

  private static void checkIpv6(String host) {
    if (!IPV6_CHARS.matcher(host).matches()) {
      throw new InvalidAddressException(null, "the host is not an IPv6 address (zone ids are not accepted)");
    }
    // InetAddress takes a group of five digits or more ("::00000"); RFC 4291 and java.net.URI do not.
    String[] groups = host.split(":", -1);
    for (int i = 0; i < groups.length; i++) {
      boolean embeddedIpv4 = i == groups.length - 1 && groups[i].indexOf('.') >= 0;
      if (embeddedIpv4) {
        if (!DIGITS_AND_DOTS.matcher(groups[i]).matches()) {
          throw new InvalidAddressException(null, "the host is not an IPv6 address (its IPv4 end is not one)");
        }
        checkIpv4(groups[i]);
      } else if (groups[i].length() > 4) {
        throw new InvalidAddressException(null, "the host is not an IPv6 address (a group of more than 4 digits)");
      }
    }
    try {
      // A bracketed literal is parsed, never looked up: a bad one fails without DNS.
      InetAddress.getByName("[" + host + "]");
    } catch (UnknownHostException e) {
      throw new InvalidAddressException(null, "the host is not an IPv6 address");
    }
  }

  public boolean isIpv6() {
    return host.indexOf(':') >= 0;
  }

  /** {@code host:port}, IPv6 in brackets: what a URL's authority holds. */
  public String authority() {
    return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return authority();
  }
}
