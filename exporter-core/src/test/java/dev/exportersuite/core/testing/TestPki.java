package dev.exportersuite.core.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.Socket;
import java.security.Principal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Real certificates for tests, made in the test: a CA, server certificates for 127.0.0.1 and localhost, client
 * certificates, written as PEM files the way openssl and cert-manager write them (PKCS#8, PKCS#1, SEC1).
 * EC P-256 keys unless RSA is asked for: they take milliseconds to make.
 */
public final class TestPki {

  /** How a private key is written. */
  public enum KeyFormat {
    /** {@code PRIVATE KEY}: openssl 3's default. */
    PKCS8,
    /** {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}: openssl 1's and cert-manager's default. */
    TRADITIONAL
  }

  /** A certificate and its key, and where they were written. */
  public record Issued(X509Certificate certificate, PrivateKey key, Path certFile, Path keyFile) {}

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final Path dir;
  private final String name;
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final Path caFile;

  private TestPki(Path dir, String name, KeyPair caKeys, X509Certificate ca, Path caFile) {
    this.dir = dir;
    this.name = name;
    this.caKeys = caKeys;
    this.ca = ca;
    this.caFile = caFile;
  }

  /** A new CA, its certificate written to {@code <dir>/<name>-ca.pem}. */
  public static TestPki create(Path dir, String name) throws Exception {
    KeyPair keys = ecKeys();
    X500Name subject = new X500Name("CN=" + name + " test CA");
    X509v3CertificateBuilder b = builder(subject, subject, keys, Duration.ofDays(1))
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate ca = sign(b, keys.getPrivate());
    Path file = dir.resolve(name + "-ca.pem");
    Files.writeString(file, pem(ca), StandardCharsets.UTF_8);
    return new TestPki(dir, name, keys, ca, file);
  }

  public Path caFile() {
    return caFile;
  }

  public X509Certificate ca() {
    return ca;
  }

  /** A server certificate for 127.0.0.1, ::1 and localhost, written to {@code <dir>/<file>.crt/.key}. */
  public Issued server(String file, KeyFormat format, boolean rsa) throws Exception {
    return issue(file, "CN=127.0.0.1", format, rsa, KeyPurposeId.id_kp_serverAuth, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1"),
        new GeneralName(GeneralName.dNSName, "localhost")}));
  }

  public Issued server(String file) throws Exception {
    return server(file, KeyFormat.PKCS8, false);
  }

  /** A client certificate whose subject alternative name is the DNS name {@code san}. */
  public Issued client(String file, String san) throws Exception {
    return issue(file, "CN=" + san, KeyFormat.PKCS8, false, KeyPurposeId.id_kp_clientAuth,
        new GeneralNames(new GeneralName(GeneralName.dNSName, san)));
  }

  private Issued issue(String file, String subject, KeyFormat format, boolean rsa, KeyPurposeId purpose,
      GeneralNames names) throws Exception {
    KeyPair keys = rsa ? rsaKeys() : ecKeys();
    X509v3CertificateBuilder b = builder(new X500Name(ca.getSubjectX500Principal().getName()),
        new X500Name(subject), keys, Duration.ofHours(2))
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
        .addExtension(Extension.subjectAlternativeName, false, names);
    X509Certificate cert = sign(b, caKeys.getPrivate());
    Path certFile = dir.resolve(file + ".crt");
    Path keyFile = dir.resolve(file + ".key");
    Files.writeString(certFile, pem(cert), StandardCharsets.UTF_8);
    Files.writeString(keyFile, pem(keys.getPrivate(), format), StandardCharsets.UTF_8);
    return new Issued(cert, keys.getPrivate(), certFile, keyFile);
  }

  /**
   * A TLS client that trusts this CA and, when given, presents {@code certificate} whatever CAs the server asks
   * for (the JDK's own key managers would send nothing for a certificate of another CA, and the server's refusal
   * of one would go untested).
   */
  public SSLContext clientContext(Issued certificate) throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(certificate == null ? null : new KeyManager[] {new Presenting(certificate)},
        tmf.getTrustManagers(), null);
    return context;
  }

  /** Always offers its one certificate. */
  private static final class Presenting extends X509ExtendedKeyManager {
    private final Issued issued;

    Presenting(Issued issued) {
      this.issued = issued;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return "client";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "client";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"client"};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {issued.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return issued.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }

  /** An HTTP/1.1 client over {@code context} that offers only {@code protocols} (e.g. TLSv1.2). */
  public static HttpClient https(SSLContext context, String... protocols) {
    SSLParameters p = context.getDefaultSSLParameters();
    if (protocols.length > 0) {
      p.setProtocols(protocols);
    }
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).sslParameters(p)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static String pem(Object certificateOrKey) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(certificateOrKey);
    }
    return out.toString();
  }

  public static String pem(PrivateKey key, KeyFormat format) throws IOException {
    if (format == KeyFormat.TRADITIONAL && key.getAlgorithm().equals("EC")) {
      // SEC1 as openssl writes it, with the curve inside ([0]); Bouncy Castle's writer leaves it out for a JDK
      // key, and neither Go nor this exporter can read such a key.
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
      ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
      StringWriter out = new StringWriter();
      try (PemWriter w = new PemWriter(out)) {
        w.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
      }
      return out.toString();
    }
    if (format == KeyFormat.TRADITIONAL) {
      return pem(key);
    }
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(new JcaPKCS8Generator(key, null));
    }
    return out.toString();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Duration valid) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(valid)), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
        .build(signer)));
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  private static KeyPair rsaKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, new SecureRandom());
    return g.generateKeyPair();
  }
}
