package dev.exportersuite.core.web;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM as Go's {@code tls.X509KeyPair} and {@code AppendCertsFromPEM} do: the blocks of the wanted type are
 * used and every other block is skipped; keys in PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY})
 * and PKCS#8 ({@code PRIVATE KEY}) form. Bouncy Castle parses the blocks (the JDK reads PKCS#8 only); the JDK's
 * own key factories make the keys. Messages name block types, never their contents.
 */
final class PemReader {

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]{1,40})-----\\r?\\n.*?-----END \\1-----", Pattern.DOTALL);
  private static final Set<String> KEY_TYPES = Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
      "ENCRYPTED PRIVATE KEY");

  private PemReader() {}

  /** Every {@code CERTIFICATE} block, in order; at least one. */
  static List<X509Certificate> certificates(String pem, String where) throws TlsMaterialException {
    List<X509Certificate> out = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (String block : blocks(pem, Set.of("CERTIFICATE"))) {
      try (PEMParser parser = new PEMParser(new StringReader(block))) {
        Object o = parser.readObject();
        if (!(o instanceof X509CertificateHolder holder)) {
          throw new TlsMaterialException(where + ": a CERTIFICATE block is not an X.509 certificate");
        }
        out.add(converter.getCertificate(holder));
      } catch (IOException | CertificateException | RuntimeException e) {
        throw new TlsMaterialException(where + ": a CERTIFICATE block cannot be read ("
            + e.getClass().getSimpleName() + ")");
      }
    }
    if (out.isEmpty()) {
      throw new TlsMaterialException(where + ": no PEM CERTIFICATE block found");
    }
    return out;
  }

  /** The first private key block, unencrypted. */
  static PrivateKey privateKey(String pem, String where) throws TlsMaterialException {
    List<String> keys = blocks(pem, KEY_TYPES);
    if (keys.isEmpty()) {
      throw new TlsMaterialException(where + ": no PEM private key block found (PRIVATE KEY, RSA PRIVATE KEY or "
          + "EC PRIVATE KEY)");
    }
    Object o;
    try (PEMParser parser = new PEMParser(new StringReader(keys.get(0)))) {
      o = parser.readObject();
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle's message may quote the block: say what failed, not what it read.
      throw new TlsMaterialException(where + ": the private key block cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
    if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new TlsMaterialException(where + ": the private key is encrypted; like the Go exporters, this exporter "
          + "reads unencrypted keys only (protect the file with its permissions)");
    }
    PrivateKeyInfo info = o instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
        : o instanceof PrivateKeyInfo i ? i : null;
    if (info == null) {
      throw new TlsMaterialException(where + ": the private key block holds no private key");
    }
    // The JDK's key factories, by the key's algorithm identifier (Bouncy Castle's converter asks for its own
    // algorithm names, such as ECDSA, which the JDK's providers do not have).
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String algorithm = oid.equals(PKCSObjectIdentifiers.rsaEncryption) ? "RSA"
        : oid.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC"
        : oid.equals(EdECObjectIdentifiers.id_Ed25519) ? "Ed25519" : null;
    if (algorithm == null) {
      throw new TlsMaterialException(where + ": the private key's algorithm is not supported; RSA, EC and Ed25519 "
          + "keys are");
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new TlsMaterialException(where + ": the " + algorithm + " private key cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static List<String> blocks(String pem, Set<String> types) {
    List<String> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      if (types.contains(m.group(1))) {
        out.add(m.group());
      }
    }
    return out;
  }
}
