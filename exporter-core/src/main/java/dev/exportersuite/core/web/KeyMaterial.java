package dev.exportersuite.core.web;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** The server's certificate chain and the private key that goes with its first certificate. */
record KeyMaterial(List<X509Certificate> chain, PrivateKey key) {

  KeyMaterial {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a certificate chain needs a certificate");
    }
  }

  /**
   * Reads both and checks that the key belongs to the certificate, as Go's {@code tls.X509KeyPair} does: by
   * signing with the key and verifying with the certificate's public key.
   */
  static KeyMaterial load(PemSource certificate, PemSource key) throws TlsMaterialException {
    List<X509Certificate> chain = PemReader.certificates(certificate.read(), certificate.toString());
    PrivateKey privateKey = PemReader.privateKey(key.read(), key.toString());
    checkPair(chain, certificate, privateKey, key);
    return new KeyMaterial(chain, privateKey);
  }

  static void checkPair(List<X509Certificate> chain, PemSource certificate, PrivateKey privateKey, PemSource key)
      throws TlsMaterialException {
    if (!matches(chain.get(0), privateKey, key)) {
      throw new TlsMaterialException(key + ": the private key does not match the certificate in " + certificate);
    }
  }

  private static boolean matches(X509Certificate cert, PrivateKey key, PemSource where)
      throws TlsMaterialException {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA", "Ed25519" -> "Ed25519";
      default -> throw new TlsMaterialException(where + ": the private key is " + key.getAlgorithm()
          + "; RSA, EC and Ed25519 keys are supported");
    };
    if (!cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm())
        && !(algorithm.equals("Ed25519") && cert.getPublicKey().getAlgorithm().startsWith("Ed"))) {
      return false;
    }
    try {
      byte[] probe = new byte[32];
      new SecureRandom().nextBytes(probe);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  Instant notAfter() {
    return chain.get(0).getNotAfter().toInstant();
  }

  String subject() {
    return chain.get(0).getSubjectX500Principal().getName();
  }
}
