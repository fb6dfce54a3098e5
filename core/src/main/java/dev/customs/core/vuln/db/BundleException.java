package dev.customs.core.vuln.db;

/** A bundle could not be built, verified, installed or opened; the message says why and what to do. */
public class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
