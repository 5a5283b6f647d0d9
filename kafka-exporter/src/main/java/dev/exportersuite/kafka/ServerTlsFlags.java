package dev.exportersuite.kafka;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.web.ClientAuth;
import dev.exportersuite.core.web.PemSource;
import dev.exportersuite.core.web.TlsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * kafka_exporter's flags for HTTPS on its own port, mapped onto the core's TLS server: {@code --server.tls.enabled}
 * with a certificate and key; {@code --server.tls.mutual-auth-enabled} requires client certificates signed by
 * {@code --server.tls.ca-file} (RequireAndVerifyClientCert). TLS 1.2 and 1.3 as in kafka_exporter. Stricter where
 * kafka_exporter would fail at the first request or refuse every client: missing files, or mutual authentication
 * without a CA, stop the start.
 */
final class ServerTlsFlags {

  static final String ENABLED = "--server.tls.enabled";
  static final String MUTUAL = "--server.tls.mutual-auth-enabled";
  static final String CA = "--server.tls.ca-file";
  static final String CERT = "--server.tls.cert-file";
  static final String KEY = "--server.tls.key-file";

  @Option(names = ENABLED, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Serve the metrics over HTTPS, with --server.tls.cert-file and --server.tls.key-file.")
  Boolean enabled;
  @Option(names = MUTUAL, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Require client certificates signed by --server.tls.ca-file.")
  Boolean mutualAuth;
  @Option(names = CA, paramLabel = "FILE", description = "CA of the client certificates (with mutual auth).")
  Path caFile;
  @Option(names = CERT, paramLabel = "FILE", description = "Certificate (PEM) of the HTTPS server.")
  Path certFile;
  @Option(names = KEY, paramLabel = "FILE", description = "Its key (PEM).")
  Path keyFile;

  /** The boolean flags by name, for their {@code --no-} forms. */
  void booleans(Map<String, Consumer<Boolean>> setters) {
    setters.put("server.tls.enabled", v -> enabled = v);
    setters.put("server.tls.mutual-auth-enabled", v -> mutualAuth = v);
  }

  /** The settings, checked (files load, key matches), or empty without {@code --server.tls.enabled}. */
  Optional<TlsSettings> settings() throws ConfigException {
    if (!Boolean.TRUE.equals(enabled)) {
      return Optional.empty();
    }
    ConfigErrors errors = new ConfigErrors();
    if (certFile == null) {
      errors.add(new ConfigException("command line", 0, CERT, ENABLED + " needs a certificate file"));
    }
    if (keyFile == null) {
      errors.add(new ConfigException("command line", 0, KEY, ENABLED + " needs a key file"));
    }
    boolean mutual = Boolean.TRUE.equals(mutualAuth);
    if (mutual && caFile == null) {
      errors.add(new ConfigException("command line", 0, CA, MUTUAL + " needs the CA of the client certificates; "
          + "without one kafka_exporter refuses every client"));
    }
    errors.throwIfAny();
    TlsSettings.Builder b = TlsSettings.builder(PemSource.file(certFile), PemSource.file(keyFile));
    if (mutual) {
      b.clientCa(PemSource.file(caFile)).clientAuth(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT);
    }
    TlsSettings settings = b.build();
    settings.checkFlags(Map.of(TlsSettings.Part.CERTIFICATE, CERT, TlsSettings.Part.KEY, KEY,
        TlsSettings.Part.CLIENT_CA, CA));
    return Optional.of(settings);
  }

  /** Flags given that change nothing, as in kafka_exporter, each with the reason. */
  List<String> withoutEffect() {
    List<String> lines = new ArrayList<>();
    if (!Boolean.TRUE.equals(enabled)) {
      for (Object[] f : new Object[][] {{MUTUAL, mutualAuth}, {CA, caFile}, {CERT, certFile}, {KEY, keyFile}}) {
        if (f[1] != null) {
          lines.add(f[0] + " has no effect without " + ENABLED + ": the metrics are served over plain HTTP");
        }
      }
    } else if (caFile != null && !Boolean.TRUE.equals(mutualAuth)) {
      lines.add(CA + " has no effect without " + MUTUAL + ": client certificates are not asked for");
    }
    return lines;
  }
}
