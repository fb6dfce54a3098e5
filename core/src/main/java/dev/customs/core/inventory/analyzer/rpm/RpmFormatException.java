package dev.customs.core.inventory.analyzer.rpm;

/** An rpm database or header that does not follow its format; the message says where and why. */
public final class RpmFormatException extends Exception {
  public RpmFormatException(String message) {
    super(message);
  }

  public RpmFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
