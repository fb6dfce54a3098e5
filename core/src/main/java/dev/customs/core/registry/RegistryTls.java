package dev.customs.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS trust for one registry: the JDK's CAs plus, when configured, the CAs of a PEM file. */
public final class RegistryTls {
  private RegistryTls() {}

  /**
   * An SSLContext trusting the JDK's default CAs and the certificates in {@code pem}. The default
   * CAs stay trusted because registries redirect blob downloads to public storage hosts.
   */
  public static SSLContext withExtraCa(Path pem) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("jdk-" + n++, ca);
      }
      for (Certificate cert : readPem(pem)) {
        store.setCertificateEntry("custom-" + n++, cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build TLS trust from CA file " + pem + ": " + e.getMessage(), e);
    }
  }

  /**
   * An SSLContext with the JDK's default trust, loaded only when a server presents a certificate
   * (see {@link LazyDefaultTrustManager}); otherwise {@link SSLContext#getDefault()}. With
   * {@code javax.net.ssl.keyStore} set (client certificates) it is the default context itself.
   */
  static SSLContext lazyDefault() throws IOException {
    try {
      if (System.getProperty("javax.net.ssl.keyStore") != null) {
        return SSLContext.getDefault();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new LazyDefaultTrustManager()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> readPem(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IOException("CA file " + pem + " holds no PEM certificate");
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw new IOException("CA file " + pem + " is not a PEM certificate: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK has no X.509 trust manager");
  }
}
