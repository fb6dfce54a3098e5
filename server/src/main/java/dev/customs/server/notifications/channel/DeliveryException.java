package dev.customs.server.notifications.channel;

/**
 * A delivery attempt failed.
 *
 * @see #permanent() whether retrying cannot help (the receiver refused the request itself)
 */
public class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Integer status;
  private final boolean permanent;

  public DeliveryException(String message, Integer status, boolean permanent) {
    super(message);
    this.status = status;
    this.permanent = permanent;
  }

  /** The HTTP status the receiver answered, null when there was no answer. */
  public Integer status() {
    return status;
  }

  public boolean permanent() {
    return permanent;
  }
}
