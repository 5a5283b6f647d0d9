package dev.exportersuite.core.web;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How client certificates are judged, as Go's {@code ClientAuth} modes do: checked against the client CAs (re-read
 * when the file changes; the system's CAs when none are set) for the verifying modes, accepted as they come for
 * {@code RequestClientCert} and {@code RequireAnyClientCert}; then, with {@code client_allowed_sans}, one of the
 * certificate's subject alternative names must be on the list.
 */
final class ClientCertificateTrust extends X509ExtendedTrustManager {

  /** IPv6 literals only: a string with ':' is never looked up in DNS; IPv4 compares as written, as Go prints it. */
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final ClientAuth mode;
  private final Optional<Reloading<X509ExtendedTrustManager>> cas;
  private final X509ExtendedTrustManager system;
  private final List<String> allowedSans;

  private ClientCertificateTrust(ClientAuth mode, Optional<Reloading<X509ExtendedTrustManager>> cas,
      X509ExtendedTrustManager system, List<String> allowedSans) {
    this.mode = mode;
    this.cas = cas;
    this.system = system;
    this.allowedSans = allowedSans;
  }

  static ClientCertificateTrust of(TlsSettings settings) throws TlsMaterialException {
    Optional<Reloading<X509ExtendedTrustManager>> cas = Optional.empty();
    if (settings.clientCa().isPresent()) {
      PemSource ca = settings.clientCa().get();
      cas = Optional.of(new Reloading<>("client CA file " + ca, List.of(ca),
          () -> trustManager(PemReader.certificates(ca.read(), ca.toString()))));
    }
    X509ExtendedTrustManager system = settings.clientAuth().verified() && cas.isEmpty() ? trustManager(null) : null;
    return new ClientCertificateTrust(settings.clientAuth(), cas, system, settings.clientAllowedSans());
  }

  /** PKIX over these CAs, or over the runtime's own CAs for {@code null}. */
  private static X509ExtendedTrustManager trustManager(List<X509Certificate> certificates)
      throws TlsMaterialException {
    try {
      KeyStore store = null;
      if (certificates != null) {
        store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
          store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
      }
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new TlsMaterialException("the Java runtime has no X.509 trust manager");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsMaterialException("the client CAs cannot be used: " + e.getClass().getSimpleName());
    }
  }

  private Optional<X509ExtendedTrustManager> verifier() {
    if (!mode.verified()) {
      return Optional.empty();
    }
    return Optional.of(cas.map(r -> r.snapshot().value()).orElse(system));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    Optional<X509ExtendedTrustManager> v = verifier();
    if (v.isPresent()) {
      v.get().checkClientTrusted(chain, authType, engine);
    }
    checkSans(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    Optional<X509ExtendedTrustManager> v = verifier();
    if (v.isPresent()) {
      v.get().checkClientTrusted(chain, authType, socket);
    }
    checkSans(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    Optional<X509ExtendedTrustManager> v = verifier();
    if (v.isPresent()) {
      v.get().checkClientTrusted(chain, authType);
    }
    checkSans(chain);
  }

  /** The CAs named in the certificate request: the client CAs when verifying; none otherwise, as Go sends. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return verifier().map(X509ExtendedTrustManager::getAcceptedIssuers).orElse(new X509Certificate[0]);
  }

  private void checkSans(X509Certificate[] chain) throws CertificateException {
    if (allowedSans.isEmpty()) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate");
    }
    Collection<List<?>> names;
    try {
      names = chain[0].getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new CertificateException("the client certificate's subject alternative names cannot be read");
    }
    if (names != null) {
      for (List<?> name : names) {
        int type = (Integer) name.get(0);
        // 1 e-mail, 2 DNS, 6 URI, 7 IP: the kinds Go compares
        if ((type == 1 || type == 2 || type == 6 || type == 7) && allowed(type, String.valueOf(name.get(1)))) {
          return;
        }
      }
    }
    throw new CertificateException("the client certificate has none of the subject alternative names of "
        + "client_allowed_sans");
  }

  private boolean allowed(int type, String value) {
    for (String a : allowedSans) {
      if (a.equals(value) || (type == 7 && sameAddress(a, value))) {
        return true;
      }
    }
    return false;
  }

  /** {@code ::1} (as Go writes it) and {@code 0:0:0:0:0:0:0:1} (as Java does) are one address. */
  private static boolean sameAddress(String a, String b) {
    if (!IPV6_LITERAL.matcher(a).matches() || !IPV6_LITERAL.matcher(b).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager judges clients only");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager judges clients only");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("this trust manager judges clients only");
  }
}
