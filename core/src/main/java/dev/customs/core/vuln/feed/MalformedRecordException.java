package dev.customs.core.vuln.feed;

/** A record breaks its feed's format (a required field missing or of the wrong type). */
public final class MalformedRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedRecordException(String message) {
    super(message);
  }
}
