package dev.customs.server.secrets;

/** A stored secret that does not decrypt with the current key; the message never contains the secret. */
public class SecretUnreadableException extends RuntimeException {
  public SecretUnreadableException(String message) {
    super(message);
  }
}
