package dev.customs.core.vuln.feed;

import java.io.IOException;

/** A download answered with an HTTP status other than 200 (or 304 when asked conditionally). */
public class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public HttpStatusException(String message, int status) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
