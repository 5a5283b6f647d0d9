package dev.exportersuite.core.web;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The TLS side of the exporter's port, from {@link TlsSettings}: one SSL context whose key and trust managers
 * re-read changed files at handshakes, and the parameters (versions, suites, client certificates) every
 * connection gets. HTTP/2 is not offered: the JDK's server speaks HTTP/1.1, which is what scrapers use anyway.
 */
public final class ServerTls {

  private final TlsSettings settings;
  private final SSLContext context;
  private final String[] protocols;
  private final String[] cipherSuites;
  private final Reloading<KeyMaterial> keys;

  private ServerTls(TlsSettings settings, SSLContext context, String[] protocols, String[] cipherSuites,
      Reloading<KeyMaterial> keys) {
    this.settings = settings;
    this.context = context;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
    this.keys = keys;
  }

  /**
   * Loads the certificate, key and client CAs and prepares the context.
   *
   * @throws TlsMaterialException when a file cannot be used (it may have changed since the config was checked),
   *     or the settings leave no protocol or cipher suite this Java runtime offers
   */
  public static ServerTls of(TlsSettings settings) throws TlsMaterialException {
    Reloading<KeyMaterial> keys = new Reloading<>("certificate " + settings.certificate() + " and key "
        + settings.key(), List.of(settings.certificate(), settings.key()),
        () -> KeyMaterial.load(settings.certificate(), settings.key()));
    ClientCertificateTrust trust = ClientCertificateTrust.of(settings);
    SSLContext context;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new ServerKeyManager(keys)}, new TrustManager[] {trust}, null);
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException("TLS cannot be set up: " + e.getClass().getSimpleName());
    }
    return new ServerTls(settings, context, protocols(settings, context), cipherSuites(settings, context), keys);
  }

  /** The versions from min to max that the runtime has not disabled (Java 17 disables TLS 1.0 and 1.1). */
  static String[] protocols(TlsSettings settings, SSLContext context) throws TlsMaterialException {
    Set<String> supported = Set.of(context.getSupportedSSLParameters().getProtocols());
    Set<String> disabled = disabledAlgorithms();
    List<String> out = new ArrayList<>();
    for (TlsVersion v : TlsVersion.values()) {
      if (v.compareTo(settings.minVersion()) >= 0 && v.compareTo(settings.maxVersion()) <= 0
          && supported.contains(v.jsseName()) && !disabled.contains(v.jsseName())) {
        out.add(v.jsseName());
      }
    }
    if (out.isEmpty()) {
      throw new TlsMaterialException("no TLS version from " + settings.minVersion().toolkitName() + " to "
          + settings.maxVersion().toolkitName() + " is enabled in this Java runtime (it disables TLS 1.0 and 1.1)");
    }
    return out.toArray(new String[0]);
  }

  private static Set<String> disabledAlgorithms() {
    String property = Security.getProperty("jdk.tls.disabledAlgorithms");
    return property == null ? Set.of()
        : Arrays.stream(property.split(",")).map(String::trim).collect(Collectors.toSet());
  }

  /**
   * The chosen TLS 1.2 suites the runtime supports, in the given order, plus the runtime's TLS 1.3 suites, which
   * Go does not let a config choose; {@code null} (the runtime's defaults) when none were chosen.
   */
  static String[] cipherSuites(TlsSettings settings, SSLContext context) throws TlsMaterialException {
    if (settings.cipherSuites().isEmpty()) {
      return null;
    }
    Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
    List<String> out = new ArrayList<>();
    for (String s : settings.cipherSuites()) {
      if (supported.contains(s) && !GoCipherSuites.TLS13.contains(s)) {
        out.add(s);
      }
    }
    boolean tls12 = Arrays.asList(protocols(settings, context)).contains(TlsVersion.TLS12.jsseName());
    if (out.isEmpty() && tls12) {
      throw new TlsMaterialException("none of the cipher suites of cipher_suites is supported by this Java runtime");
    }
    for (String s : context.getDefaultSSLParameters().getCipherSuites()) {
      if (GoCipherSuites.TLS13.contains(s)) {
        out.add(s);
      }
    }
    return out.toArray(new String[0]);
  }

  /** What the JDK's HTTPS server applies to each new connection. */
  public HttpsConfigurator configurator() {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        params.setSSLParameters(parameters());
      }
    };
  }

  SSLParameters parameters() {
    SSLParameters p = context.getDefaultSSLParameters();
    p.setProtocols(protocols);
    if (cipherSuites != null) {
      p.setCipherSuites(cipherSuites);
    }
    p.setUseCipherSuitesOrder(settings.preferServerCipherSuites());
    if (settings.clientAuth().required()) {
      p.setNeedClientAuth(true);
    } else if (settings.clientAuth().asks()) {
      p.setWantClientAuth(true);
    }
    return p;
  }

  /** For the start log: versions, certificate subject and expiry, client certificate mode. */
  public String describe() {
    KeyMaterial m = keys.snapshot().value();
    return String.join(", ", protocols) + "; certificate " + m.subject() + " valid until " + m.notAfter()
        + (settings.clientAuth() == ClientAuth.NO_CLIENT_CERT ? ""
            : "; client certificates " + settings.clientAuth().goName());
  }
}
