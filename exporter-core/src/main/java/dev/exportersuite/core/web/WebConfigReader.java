package dev.exportersuite.core.web;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.Durations;
import dev.exportersuite.core.config.YamlDocument;
import dev.exportersuite.core.config.YamlMapping;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code --web.config.file} in the exporter-toolkit's schema (docs/web-configuration.md of
 * prometheus/exporter-toolkit): every key the Go exporters accept, nothing else. Every problem is reported at
 * once with file, line and key; the certificate, key and client CA files are loaded and checked (a key that does
 * not belong to its certificate is an error). No value of {@code basic_auth_users} or {@code key} ever appears in
 * a message. Values are taken as written: no environment expansion, as in the toolkit (bcrypt hashes hold
 * {@code $}). Relative file names are read from the config file's directory, as the toolkit does.
 */
public final class WebConfigReader {

  static final List<String> TOP_KEYS = List.of("tls_server_config", "http_server_config", "basic_auth_users",
      "rate_limit");
  static final List<String> TLS_KEYS = List.of("cert", "key", "client_ca", "cert_file", "key_file",
      "client_auth_type", "client_ca_file", "client_allowed_sans", "min_version", "max_version", "cipher_suites",
      "prefer_server_cipher_suites", "curve_preferences");
  static final List<String> HTTP_KEYS = List.of("http2", "headers");
  static final List<String> RATE_KEYS = List.of("interval", "burst");
  /** The headers the toolkit lets a config set, and the values it allows where it restricts them. */
  static final Map<String, List<String>> HEADERS = headers();
  static final List<String> CURVES = List.of("CurveP256", "CurveP384", "CurveP521", "X25519");
  private static final int MAX_VALUE = 1024;

  private final Path file;
  private final String name;
  private final ConfigErrors errors = new ConfigErrors();
  private final List<String> notices = new ArrayList<>();

  private WebConfigReader(Path file) {
    this.file = file;
    this.name = file.toString();
  }

  private static Map<String, List<String>> headers() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Strict-Transport-Security", List.of());
    h.put("X-Content-Type-Options", List.of("nosniff"));
    h.put("X-Frame-Options", List.of("deny", "sameorigin"));
    h.put("X-XSS-Protection", List.of());
    h.put("Content-Security-Policy", List.of());
    return h;
  }

  public static WebConfig read(Path file) throws ConfigException {
    return new WebConfigReader(file).read();
  }

  private WebConfig read() throws ConfigException {
    Optional<Node> root = YamlDocument.readOrEmpty(file);
    if (root.isEmpty()) {
      // The toolkit serves plain HTTP without authentication for an empty file; so does this exporter.
      return new WebConfig(name, Optional.empty(), BasicAuthUsers.NONE, Map.of(), true, Optional.empty(),
          List.of());
    }
    if (!(root.get() instanceof MappingNode)) {
      throw new ConfigException(name, line(root.get()), "", "expected a mapping of " + String.join(", ", TOP_KEYS));
    }
    YamlMapping top = YamlMapping.of(name, "", root.get()).expect(TOP_KEYS);
    Optional<TlsSettings> tls = errors.read(() -> tls(top)).orElse(Optional.empty());
    Optional<Http> http = errors.read(() -> http(top));
    Optional<BasicAuthUsers> users = errors.read(() -> users(top));
    Optional<Optional<WebConfig.RateLimit>> rate = errors.read(() -> rateLimit(top));
    errors.check(top::finish);
    errors.throwIfAny();
    return new WebConfig(name, tls, users.orElseThrow(), http.orElseThrow().headers(), http.orElseThrow().http2(),
        rate.orElseThrow(), notices);
  }

  private record Http(boolean http2, Map<String, String> headers) {}

  /** A sub-mapping; refused without quoting it when it is something else (it may be a pasted key or hash). */
  private static Optional<YamlMapping> section(YamlMapping parent, String key, List<String> keys)
      throws ConfigException {
    if (!parent.has(key)) {
      return Optional.empty();
    }
    Node n = parent.node(key).orElseThrow();
    if (n instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return Optional.empty();
    }
    if (!(n instanceof MappingNode)) {
      throw new ConfigException(parent.file(), line(n), parent.child(key), "expected a mapping"
          + (keys.isEmpty() ? "" : " of " + String.join(", ", keys)));
    }
    return Optional.of(YamlMapping.of(parent.file(), parent.child(key), n).expect(keys));
  }

  private Optional<TlsSettings> tls(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> section = section(top, "tls_server_config", TLS_KEYS);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping t = section.get();
    ConfigErrors e = new ConfigErrors();
    Optional<Optional<PemSource>> cert = e.read(() -> pem(t, "cert", "cert_file", true));
    Optional<Optional<PemSource>> key = e.read(() -> pem(t, "key", "key_file", true));
    Optional<Optional<PemSource>> ca = e.read(() -> pem(t, "client_ca", "client_ca_file", false));
    Optional<ClientAuth> auth = e.read(() -> {
      String v = t.string("client_auth_type").orElse("");
      return ClientAuth.ofGoName(v).orElseThrow(() -> t.error("client_auth_type", "unknown client_auth_type '"
          + bounded(v) + "'; one of " + String.join(", ", ClientAuth.goNames())));
    });
    Optional<TlsVersion> min = e.read(() -> version(t, "min_version", TlsVersion.TLS12));
    Optional<TlsVersion> max = e.read(() -> version(t, "max_version", TlsVersion.TLS13));
    Optional<List<String>> ciphers = e.read(() -> cipherSuites(t));
    Optional<Boolean> prefer = e.read(() -> t.bool("prefer_server_cipher_suites", true));
    Optional<List<String>> sans = e.read(() -> words(t, "client_allowed_sans"));
    e.read(() -> curves(t));
    e.check(t::finish);
    Optional<PemSource> certificate = cert.flatMap(c -> c);
    Optional<PemSource> privateKey = key.flatMap(k -> k);
    Optional<PemSource> clientCa = ca.flatMap(c -> c);
    boolean enabled = certificate.isPresent() || privateKey.isPresent() || clientCa.isPresent()
        || t.has("client_auth_type");
    if (!enabled && cert.isPresent() && key.isPresent()) {
      e.add(new ConfigException(name, t.line(), t.path(), "TLS needs cert_file and key_file (or cert and key); "
          + "without them the exporter would serve plain HTTP: set them or remove tls_server_config"));
    } else {
      if (cert.isPresent() && certificate.isEmpty()) {
        e.add(t.error("", "missing one of cert or cert_file"));
      }
      if (key.isPresent() && privateKey.isEmpty()) {
        e.add(t.error("", "missing one of key or key_file"));
      }
    }
    // The files are read even when other keys are wrong, so that one run names every problem.
    for (TlsSettings.Problem p : TlsSettings.materialProblems(certificate, privateKey, clientCa)) {
      String k = switch (p.part()) {
        case CERTIFICATE -> t.has("cert_file") ? "cert_file" : "cert";
        case KEY -> t.has("key_file") ? "key_file" : "key";
        case CLIENT_CA -> t.has("client_ca_file") ? "client_ca_file" : "client_ca";
      };
      e.add(t.error(k, p.message()));
    }
    if (clientCa.isPresent() && auth.isPresent() && !auth.get().asks()) {
      e.add(t.error(t.has("client_ca_file") ? "client_ca_file" : "client_ca", "a client CA is configured but "
          + "client_auth_type is NoClientCert; to authenticate clients set client_auth_type: "
          + "RequireAndVerifyClientCert"));
    }
    if (sans.isPresent() && !sans.get().isEmpty() && auth.isPresent() && !auth.get().asks()) {
      e.add(t.error("client_allowed_sans", "client_allowed_sans needs a client_auth_type that asks for a "
          + "certificate (RequireAndVerifyClientCert)"));
    }
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      e.add(t.error("min_version", "min_version " + min.get().toolkitName() + " is above max_version "
          + max.get().toolkitName()));
    }
    e.throwIfAny();
    TlsSettings.Builder b = TlsSettings.builder(certificate.orElseThrow(), privateKey.orElseThrow())
        .clientAuth(auth.get()).minVersion(min.get()).maxVersion(max.get()).cipherSuites(ciphers.get())
        .preferServerCipherSuites(prefer.get()).clientAllowedSans(sans.get());
    clientCa.ifPresent(b::clientCa);
    TlsSettings settings = b.build();
    try {
      SSLContext runtime = SSLContext.getDefault();
      ServerTls.protocols(settings, runtime);
      ServerTls.cipherSuites(settings, runtime);
    } catch (TlsMaterialException ex) {
      throw t.error(t.has("cipher_suites") ? "cipher_suites" : "max_version", ex.getMessage());
    } catch (NoSuchAlgorithmException ex) {
      throw t.error("", "the Java runtime has no TLS");
    }
    return Optional.of(settings);
  }

  /** The inline form or the file form of one PEM item, not both. */
  private Optional<PemSource> pem(YamlMapping t, String inlineKey, String fileKey, boolean secretInline)
      throws ConfigException {
    Optional<String> inline = t.string(inlineKey).filter(s -> !s.isEmpty());
    Optional<String> path = t.string(fileKey).filter(s -> !s.isEmpty());
    if (inline.isPresent() && path.isPresent()) {
      throw t.error(fileKey, "give " + inlineKey + " or " + fileKey + ", not both");
    }
    if (path.isPresent()) {
      Path p = Path.of(path.get());
      Path dir = file.toAbsolutePath().getParent();
      return Optional.of(PemSource.file(p.isAbsolute() || dir == null ? p : dir.resolve(p)));
    }
    return inline.map(PemSource::inline);
  }

  private static TlsVersion version(YamlMapping t, String key, TlsVersion fallback) throws ConfigException {
    Optional<String> v = t.string(key);
    if (v.isEmpty()) {
      return fallback;
    }
    return TlsVersion.ofToolkitName(v.get()).orElseThrow(() -> t.error(key, "unknown TLS version '"
        + bounded(v.get()) + "'; one of " + String.join(", ", TlsVersion.toolkitNames())));
  }

  private List<String> cipherSuites(YamlMapping t) throws ConfigException {
    List<String> out = new ArrayList<>();
    ConfigErrors e = new ConfigErrors();
    items(t, "cipher_suites", (at, path, value) -> {
      Optional<String> jsse = GoCipherSuites.jsseName(value);
      if (jsse.isEmpty()) {
        e.add(new ConfigException(name, at, path, "unknown cipher suite '" + bounded(value) + "'; known: "
            + GoCipherSuites.known()));
      } else {
        out.add(jsse.get());
      }
    });
    e.throwIfAny();
    return out;
  }

  private List<String> curves(YamlMapping t) throws ConfigException {
    List<String> out = new ArrayList<>();
    ConfigErrors e = new ConfigErrors();
    items(t, "curve_preferences", (at, path, value) -> {
      if (!CURVES.contains(value)) {
        e.add(new ConfigException(name, at, path, "unknown curve '" + bounded(value) + "'; known: "
            + String.join(", ", CURVES)));
      }
      out.add(value);
    });
    e.throwIfAny();
    if (!out.isEmpty()) {
      notices.add(name + ": tls_server_config.curve_preferences has no effect here: Java 17 cannot set the key "
          + "exchange groups per server, so the runtime's own list is used (x25519, secp256r1, secp384r1, ...)");
    }
    return out;
  }

  private List<String> words(YamlMapping t, String key) throws ConfigException {
    List<String> out = new ArrayList<>();
    ConfigErrors e = new ConfigErrors();
    items(t, key, (at, path, value) -> {
      if (value.isEmpty() || value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
        e.add(new ConfigException(name, at, path, "expected a name of at most " + MAX_VALUE
            + " characters without control characters"));
      } else {
        out.add(value);
      }
    });
    e.throwIfAny();
    return out;
  }

  private interface Item {
    void accept(int line, String path, String value);
  }

  /** The scalar items of a list, each with its own line. */
  private void items(YamlMapping t, String key, Item item) throws ConfigException {
    List<Node> nodes = t.list(key);
    ConfigErrors e = new ConfigErrors();
    for (int i = 0; i < nodes.size(); i++) {
      String path = t.child(key) + "[" + i + "]";
      if (nodes.get(i) instanceof ScalarNode s) {
        item.accept(line(s), path, s.getValue());
      } else {
        e.add(new ConfigException(name, line(nodes.get(i)), path, "expected a single value"));
      }
    }
    e.throwIfAny();
  }

  private Http http(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> section = section(top, "http_server_config", HTTP_KEYS);
    if (section.isEmpty()) {
      return new Http(true, Map.of());
    }
    YamlMapping h = section.get();
    ConfigErrors e = new ConfigErrors();
    Optional<Boolean> http2 = e.read(() -> h.bool("http2", true));
    Optional<Map<String, String>> headers = e.read(() -> headers(h));
    e.check(h::finish);
    e.throwIfAny();
    return new Http(http2.orElseThrow(), headers.orElseThrow());
  }

  private Map<String, String> headers(YamlMapping h) throws ConfigException {
    Optional<YamlMapping> section = section(h, "headers", List.of());
    if (section.isEmpty()) {
      return Map.of();
    }
    YamlMapping m = section.get().expect(HEADERS.keySet());
    Map<String, String> out = new LinkedHashMap<>();
    ConfigErrors e = new ConfigErrors();
    for (String header : m.keys()) {
      e.read(() -> {
        String value = m.string(header).orElse("");
        List<String> allowed = HEADERS.get(header);
        if (allowed == null) {
          throw m.error(header, "HTTP header '" + bounded(header) + "' can not be configured; these can: "
              + String.join(", ", HEADERS.keySet()));
        }
        if (value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
          throw m.error(header, "the value must be at most " + MAX_VALUE + " characters without control "
              + "characters");
        }
        if (!value.isEmpty() && !allowed.isEmpty() && !allowed.contains(value)) {
          throw m.error(header, "invalid value for " + header + ": expected one of " + String.join(", ", allowed)
              + ", got '" + bounded(value) + "'");
        }
        if (!value.isEmpty()) {
          out.put(header, value);
        }
        return value;
      });
    }
    e.throwIfAny();
    return out;
  }

  private BasicAuthUsers users(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> section = section(top, "basic_auth_users", List.of());
    if (section.isEmpty()) {
      return BasicAuthUsers.NONE;
    }
    YamlMapping u = section.get();
    Map<String, BcryptHash> users = new LinkedHashMap<>();
    ConfigErrors e = new ConfigErrors();
    for (String user : u.keys()) {
      e.read(() -> {
        if (user.isEmpty() || user.length() > 256 || user.contains(":")
            || user.chars().anyMatch(Character::isISOControl)) {
          throw u.error(user, "a user name must be 1 to 256 characters without ':' or control characters");
        }
        Node n = u.node(user).orElseThrow();
        if (!(n instanceof ScalarNode s) || s.getValue().isEmpty()) {
          throw u.error(user, "expected a bcrypt hash");
        }
        try {
          users.put(user, BcryptHash.parse(s.getValue()));
          return user;
        } catch (IllegalArgumentException ex) {
          throw u.error(user, ex.getMessage());
        }
      });
    }
    e.throwIfAny();
    return new BasicAuthUsers(users);
  }

  private Optional<WebConfig.RateLimit> rateLimit(YamlMapping top) throws ConfigException {
    Optional<YamlMapping> section = section(top, "rate_limit", RATE_KEYS);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping r = section.get();
    ConfigErrors e = new ConfigErrors();
    Optional<Duration> interval = e.read(() -> {
      String v = r.string("interval").orElse("0");
      try {
        Duration d = v.trim().equals("0") ? Duration.ZERO : Durations.parse(v);
        if (d.isNegative()) {
          throw r.error("interval", "must not be negative");
        }
        return d;
      } catch (IllegalArgumentException ex) {
        throw r.error("interval", ex.getMessage());
      }
    });
    Optional<Integer> burst = e.read(() -> r.integer("burst", 0, 1_000_000).orElse(0));
    e.check(r::finish);
    e.throwIfAny();
    if (interval.get().isZero()) {
      return Optional.empty(); // "set to 0 to disable rate limiter"
    }
    if (burst.get() < 1) {
      throw r.error("burst", "a burst of 0 refuses every request; set 1 or more");
    }
    return Optional.of(new WebConfig.RateLimit(interval.get(), burst.get()));
  }

  private static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  /** A short, printable echo of a value that is not secret (a version name, a header). */
  private static String bounded(String s) {
    String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return clean.length() <= 64 ? clean : clean.substring(0, 64) + "...";
  }
}
