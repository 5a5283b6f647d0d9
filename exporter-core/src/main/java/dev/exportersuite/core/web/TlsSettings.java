package dev.exportersuite.core.web;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TLS on the exporter's own port: the toolkit's {@code tls_server_config}, or a module's peer flags
 * (redis_exporter's {@code --tls-server-*}, kafka_exporter's {@code --server.tls.*}) mapped onto the same.
 *
 * @param cipherSuites JSSE names of the TLS 1.2 suites allowed; empty: the Java runtime's defaults. TLS 1.3
 *     suites cannot be chosen, as in Go.
 * @param clientAllowedSans when not empty, a client certificate must carry one of these subject alternative
 *     names (DNS, IP, e-mail or URI)
 */
public record TlsSettings(
    PemSource certificate,
    PemSource key,
    Optional<PemSource> clientCa,
    ClientAuth clientAuth,
    TlsVersion minVersion,
    TlsVersion maxVersion,
    List<String> cipherSuites,
    boolean preferServerCipherSuites,
    List<String> clientAllowedSans) {

  /** The parts that can fail to load, so that a caller names its own key or flag for each. */
  public enum Part { CERTIFICATE, KEY, CLIENT_CA }

  /** One part that cannot be loaded, and why. */
  public record Problem(Part part, String message) {}

  public TlsSettings {
    cipherSuites = List.copyOf(cipherSuites);
    clientAllowedSans = List.copyOf(clientAllowedSans);
    if (minVersion.compareTo(maxVersion) > 0) {
      throw new IllegalArgumentException("min_version " + minVersion.toolkitName() + " is above max_version "
          + maxVersion.toolkitName());
    }
    if (clientCa.isPresent() && !clientAuth.asks()) {
      throw new IllegalArgumentException("a client CA is set but client_auth_type is NoClientCert");
    }
    if (!clientAllowedSans.isEmpty() && !clientAuth.asks()) {
      throw new IllegalArgumentException("client_allowed_sans needs a client_auth_type that asks for a "
          + "certificate");
    }
  }

  public static Builder builder(PemSource certificate, PemSource key) {
    return new Builder(certificate, key);
  }

  /**
   * Loads the certificate, the key (and checks they belong together) and the client CAs: every problem, so
   * that one run names them all.
   */
  public List<Problem> loadProblems() {
    return materialProblems(Optional.of(certificate), Optional.of(key), clientCa);
  }

  /** The same for the parts given, so that a config reader can check them while other keys are in error. */
  static List<Problem> materialProblems(Optional<PemSource> certificate, Optional<PemSource> key,
      Optional<PemSource> clientCa) {
    List<Problem> out = new ArrayList<>();
    Optional<List<X509Certificate>> chain = certificate.flatMap(c -> attempt(out, Part.CERTIFICATE,
        () -> PemReader.certificates(c.read(), c.toString())));
    Optional<PrivateKey> privateKey = key.flatMap(k -> attempt(out, Part.KEY,
        () -> PemReader.privateKey(k.read(), k.toString())));
    if (chain.isPresent() && privateKey.isPresent()) {
      attempt(out, Part.KEY, () -> {
        KeyMaterial.checkPair(chain.get(), certificate.get(), privateKey.get(), key.get());
        return true;
      });
    }
    clientCa.ifPresent(ca -> attempt(out, Part.CLIENT_CA, () -> PemReader.certificates(ca.read(), ca.toString())));
    return out;
  }

  private interface Load<T> {
    T run() throws TlsMaterialException;
  }

  private static <T> Optional<T> attempt(List<Problem> problems, Part part, Load<T> load) {
    try {
      return Optional.of(load.run());
    } catch (TlsMaterialException e) {
      problems.add(new Problem(part, e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * {@link #loadProblems()} as config errors of a module's flags, e.g. {@code command line: --tls-server-key-file:
   * ...}; throws nothing when all parts load.
   */
  public void checkFlags(Map<Part, String> flagOf) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    for (Problem p : loadProblems()) {
      errors.add(new ConfigException("command line", 0, flagOf.getOrDefault(p.part(), ""), p.message()));
    }
    errors.throwIfAny();
  }

  /** One line for the start log and {@code --check-config}. */
  public String describe() {
    StringBuilder b = new StringBuilder(minVersion.toolkitName());
    if (maxVersion != minVersion) {
      b.append(" to ").append(maxVersion.toolkitName());
    }
    b.append(", certificate ").append(certificate);
    if (clientAuth != ClientAuth.NO_CLIENT_CERT) {
      b.append(", client certificates: ").append(clientAuth.goName());
      clientCa.ifPresent(ca -> b.append(" (CA ").append(ca).append(')'));
    }
    if (!cipherSuites.isEmpty()) {
      b.append(", ").append(cipherSuites.size()).append(" TLS 1.2 cipher suites");
    }
    return b.toString();
  }

  /** Defaults as the toolkit's: TLS 1.2 to 1.3, no client certificate, the runtime's cipher suites. */
  public static final class Builder {
    private final PemSource certificate;
    private final PemSource key;
    private Optional<PemSource> clientCa = Optional.empty();
    private ClientAuth clientAuth = ClientAuth.NO_CLIENT_CERT;
    private TlsVersion minVersion = TlsVersion.TLS12;
    private TlsVersion maxVersion = TlsVersion.TLS13;
    private List<String> cipherSuites = List.of();
    private boolean preferServerCipherSuites = true;
    private List<String> clientAllowedSans = List.of();

    private Builder(PemSource certificate, PemSource key) {
      this.certificate = certificate;
      this.key = key;
    }

    public Builder clientCa(PemSource value) {
      this.clientCa = Optional.of(value);
      return this;
    }

    public Builder clientAuth(ClientAuth value) {
      this.clientAuth = value;
      return this;
    }

    public Builder minVersion(TlsVersion value) {
      this.minVersion = value;
      return this;
    }

    public Builder maxVersion(TlsVersion value) {
      this.maxVersion = value;
      return this;
    }

    /** JSSE names of TLS 1.2 suites. */
    public Builder cipherSuites(List<String> value) {
      this.cipherSuites = value;
      return this;
    }

    public Builder preferServerCipherSuites(boolean value) {
      this.preferServerCipherSuites = value;
      return this;
    }

    public Builder clientAllowedSans(List<String> value) {
      this.clientAllowedSans = value;
      return this;
    }

    /** @throws IllegalArgumentException for settings that contradict each other */
    public TlsSettings build() {
      return new TlsSettings(certificate, key, clientCa, clientAuth, minVersion, maxVersion, cipherSuites,
          preferServerCipherSuites, clientAllowedSans);
    }
  }
}
