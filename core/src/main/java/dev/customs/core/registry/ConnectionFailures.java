package dev.customs.core.registry;

import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Classifies the IOExceptions of a connection: worth retrying, TLS trouble, or a plain-HTTP peer. */
final class ConnectionFailures {
  private ConnectionFailures() {}

  /** A certificate will not become trusted by trying again; everything else might be transient. */
  static boolean retryable(Throwable e) {
    return !has(e, CertificateException.class);
  }

  /**
   * The peer answered a TLS handshake with something that is not TLS, or not at all: it speaks
   * plain HTTP and waits for a request line.
   */
  static boolean notTls(Throwable e) {
    return (has(e, SSLException.class) || has(e, HttpTimeoutException.class)) && !has(e, CertificateException.class);
  }

  static String describe(Throwable e, int attempts) {
    String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
    if (has(e, CertificateException.class)) {
      return "TLS certificate not trusted (give the registry's CA certificate as a CA file for this host): "
          + rootMessage(e);
    }
    if (has(e, HttpTimeoutException.class)) {
      return "timed out" + tries + ": " + rootMessage(e);
    }
    return "connection failed" + tries + ": " + rootMessage(e);
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
