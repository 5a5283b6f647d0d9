package dev.exportersuite.redis;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.web.ClientAuth;
import dev.exportersuite.core.web.PemSource;
import dev.exportersuite.core.web.TlsSettings;
import dev.exportersuite.core.web.TlsVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * redis_exporter's TLS flags for its own port, mapped onto the core's TLS server: a certificate and key make the
 * port HTTPS; a CA file makes it require client certificates signed by that CA (RequireAndVerifyClientCert, as
 * redis_exporter does); the minimum version is {@code TLS1.0} to {@code TLS1.3}, default {@code TLS1.2}. Read from
 * the environment too, flags first. Stricter than redis_exporter, which serves plain HTTP when one of the pair is
 * missing: here that is an error, as is a CA without a certificate.
 */
final class ServerTlsFlags {

  static final String CERT = "--tls-server-cert-file";
  static final String KEY = "--tls-server-key-file";
  static final String CA = "--tls-server-ca-cert-file";
  static final String MIN_VERSION = "--tls-server-min-version";

  @Option(names = CERT, paramLabel = "FILE",
      description = "Certificate (PEM) for HTTPS on this exporter's port (env REDIS_EXPORTER_TLS_SERVER_CERT_FILE).")
  Path certFile;

  @Option(names = KEY, paramLabel = "FILE",
      description = "Its key (env REDIS_EXPORTER_TLS_SERVER_KEY_FILE).")
  Path keyFile;

  @Option(names = CA, paramLabel = "FILE",
      description = "CA of the client certificates that are then required (env REDIS_EXPORTER_TLS_SERVER_CA_CERT_FILE).")
  Path caFile;

  @Option(names = MIN_VERSION, paramLabel = "VERSION",
      description = "TLS1.0, TLS1.1, TLS1.2 or TLS1.3 (env REDIS_EXPORTER_TLS_SERVER_MIN_VERSION; default TLS1.2).")
  String minVersion;

  /** The settings, checked (files load, key matches), or empty when neither certificate nor key is given. */
  Optional<TlsSettings> settings(Map<String, String> env) throws ConfigException {
    Optional<Path> cert = flagOrEnv(certFile, env, "REDIS_EXPORTER_TLS_SERVER_CERT_FILE");
    Optional<Path> key = flagOrEnv(keyFile, env, "REDIS_EXPORTER_TLS_SERVER_KEY_FILE");
    Optional<Path> ca = flagOrEnv(caFile, env, "REDIS_EXPORTER_TLS_SERVER_CA_CERT_FILE");
    String min = Optional.ofNullable(minVersion)
        .or(() -> Optional.ofNullable(env.get("REDIS_EXPORTER_TLS_SERVER_MIN_VERSION")).filter(s -> !s.isEmpty()))
        .orElse("TLS1.2");
    ConfigErrors errors = new ConfigErrors();
    Optional<TlsVersion> version = TlsVersion.ofDottedName(min);
    if (version.isEmpty()) {
      errors.add(new ConfigException("command line", 0, MIN_VERSION, "unknown TLS version '"
          + (min.length() > 16 ? min.substring(0, 16) + "..." : min) + "'; one of "
          + String.join(", ", TlsVersion.dottedNames())));
    }
    if (cert.isEmpty() && key.isEmpty()) {
      if (ca.isPresent()) {
        errors.add(new ConfigException("command line", 0, CA, "client certificates need HTTPS: give "
            + CERT + " and " + KEY + " too"));
      }
      errors.throwIfAny();
      return Optional.empty();
    }
    if (cert.isEmpty() || key.isEmpty()) {
      errors.add(new ConfigException("command line", 0, cert.isEmpty() ? CERT : KEY, "HTTPS needs both " + CERT
          + " and " + KEY + "; redis_exporter would serve plain HTTP here"));
    }
    errors.throwIfAny();
    TlsSettings.Builder b = TlsSettings.builder(PemSource.file(cert.get()), PemSource.file(key.get()))
        .minVersion(version.get());
    ca.ifPresent(c -> b.clientCa(PemSource.file(c)).clientAuth(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT));
    TlsSettings settings = b.build();
    settings.checkFlags(Map.of(TlsSettings.Part.CERTIFICATE, CERT, TlsSettings.Part.KEY, KEY,
        TlsSettings.Part.CLIENT_CA, CA));
    return Optional.of(settings);
  }

  private static Optional<Path> flagOrEnv(Path flag, Map<String, String> env, String name) {
    return Optional.ofNullable(flag).or(() -> Optional.ofNullable(env.get(name)).filter(s -> !s.isEmpty())
        .map(Path::of));
  }
}
