package dev.exportersuite.oracle;

import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.InvalidAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A full connect descriptor after the DSN's {@code @}, e.g.
 * {@code (DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=orcl)))}, accepted
 * only when it fits a conservative grammar: known keywords, plain values (quoted ones for certificate DNs), at
 * most {@value #MAX_DEPTH} levels and {@value #MAX_LENGTH} characters, at least one address with a host and a
 * port, and a service name or SID. The URL handed to the driver is written again from what was parsed, so
 * nothing that was not understood reaches it.
 *
 * @param text the descriptor as the driver gets it: keywords upper-case, no blanks between parts
 * @param addresses every (host, port) in it, checked like any other address
 * @param service the SERVICE_NAME, or the SID
 */
record ConnectDescriptor(String text, List<HostPort> addresses, String service) {

  static final int MAX_LENGTH = 4096;
  static final int MAX_DEPTH = 8;

  private static final Set<String> KEYWORDS = Set.of("DESCRIPTION_LIST", "DESCRIPTION", "ADDRESS_LIST", "ADDRESS",
      "PROTOCOL", "HOST", "PORT", "CONNECT_DATA", "SERVICE_NAME", "SID", "SERVER", "INSTANCE_NAME", "FAILOVER",
      "LOAD_BALANCE", "CONNECT_TIMEOUT", "TRANSPORT_CONNECT_TIMEOUT", "RETRY_COUNT", "RETRY_DELAY", "SECURITY",
      "SSL_SERVER_DN_MATCH", "SSL_SERVER_CERT_DN", "SOURCE_ROUTE", "ENABLE", "EXPIRE_TIME", "SDU", "POOL_CONNECTION_CLASS",
      "POOL_PURITY");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._$#:/,-]{1,256}");
  private static final Pattern QUOTED = Pattern.compile("\"[ -!#-'*-~]{1,512}\"");
  private static final Set<String> PROTOCOLS = Set.of("TCP", "TCPS");

  ConnectDescriptor {
    addresses = List.copyOf(addresses);
  }

  /** @throws IllegalArgumentException saying which rule the descriptor breaks (no password is ever in it) */
  static ConnectDescriptor parse(String input) {
    if (input.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the connect descriptor is longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(input);
    Node root = p.node(1);
    p.skipBlanks();
    if (p.pos != input.length()) {
      throw new IllegalArgumentException("unexpected text after the connect descriptor's closing ')'");
    }
    if (!root.key.equals("DESCRIPTION") && !root.key.equals("DESCRIPTION_LIST")) {
      throw new IllegalArgumentException("a connect descriptor starts with (DESCRIPTION= or (DESCRIPTION_LIST=");
    }
    List<HostPort> addresses = new ArrayList<>();
    root.addresses(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("the connect descriptor has no (ADDRESS=(HOST=...)(PORT=...))");
    }
    Optional<String> service = root.find("SERVICE_NAME").or(() -> root.find("SID"));
    if (service.isEmpty() || !DsnOptions.SERVICE.matcher(service.get()).matches()) {
      throw new IllegalArgumentException("the connect descriptor needs (CONNECT_DATA=(SERVICE_NAME=...)) or "
          + "(SID=...) of 1 to 128 of A-Z a-z 0-9 . _ $ # -");
    }
    return new ConnectDescriptor(root.write(), addresses, service.get());
  }

  /** {@code (KEY=value)} or {@code (KEY=(...)(...))}. */
  private record Node(String key, String value, List<Node> children) {

    Optional<String> find(String k) {
      if (key.equals(k) && value != null) {
        return Optional.of(value);
      }
      for (Node c : children) {
        Optional<String> v = c.find(k);
        if (v.isPresent()) {
          return v;
        }
      }
      return Optional.empty();
    }

    void addresses(List<HostPort> out) {
      if (key.equals("ADDRESS")) {
        String host = find("HOST").orElseThrow(() -> new IllegalArgumentException("the connect descriptor has an ADDRESS without HOST"));
        String port = find("PORT").orElseThrow(() -> new IllegalArgumentException("the connect descriptor has an ADDRESS without PORT"));
        String protocol = find("PROTOCOL").orElse("TCP").toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
          throw new IllegalArgumentException("the connect descriptor's PROTOCOL must be TCP or TCPS");
        }
        try {
          out.add(new HostPort(HostPort.checkHost(host), Integer.parseInt(port)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("the connect descriptor's PORT is not a number");
        } catch (InvalidAddressException e) {
          throw new IllegalArgumentException("the connect descriptor's HOST or PORT: " + e.reason());
        }
        return;
      }
      children.forEach(c -> c.addresses(out));
    }

    String write() {
      StringBuilder sb = new StringBuilder("(").append(key).append('=');
      if (value != null) {
        sb.append(value);
      } else {
        children.forEach(c -> sb.append(c.write()));
      }
      return sb.append(')').toString();
    }
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Node node(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("the connect descriptor is nested deeper than " + MAX_DEPTH + " levels");
      }
      skipBlanks();
      expect('(');
      skipBlanks();
      int start = pos;
      while (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      String key = s.substring(start, pos).toUpperCase(Locale.ROOT);
      if (!KEYWORDS.contains(key)) {
        throw new IllegalArgumentException("the connect descriptor has a keyword this exporter does not accept"
            + (key.isEmpty() || key.length() > 32 ? "" : ": " + key));
      }
      skipBlanks();
      expect('=');
      skipBlanks();
      if (pos < s.length() && s.charAt(pos) == '(') {
        List<Node> children = new ArrayList<>();
        while (pos < s.length() && s.charAt(pos) == '(') {
          children.add(node(depth + 1));
          skipBlanks();
        }
        expect(')');
        return new Node(key, null, children);
      }
      int end = s.indexOf(')', pos);
      if (end < 0) {
        throw new IllegalArgumentException("the connect descriptor's (" + key + "=...) is not closed");
      }
      String value = s.substring(pos, end).strip();
      if (!PLAIN.matcher(value).matches() && !QUOTED.matcher(value).matches()) {
        throw new IllegalArgumentException("the value of " + key + " in the connect descriptor has characters this "
            + "exporter does not accept");
      }
      pos = end + 1;
      return new Node(key, value, List.of());
    }

    void skipBlanks() {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }

    private void expect(char c) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw new IllegalArgumentException("the connect descriptor is malformed: expected '" + c + "' at character "
            + (pos + 1));
      }
      pos++;
    }
  }
}
