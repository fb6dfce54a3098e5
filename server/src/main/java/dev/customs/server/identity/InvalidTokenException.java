package dev.customs.server.identity;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that is unknown, revoked or expired, or whose owner is disabled. */
final class InvalidTokenException extends AuthenticationException {
  InvalidTokenException() {
    super("The bearer token is unknown, revoked or expired, or its owner is disabled; create a new token "
        + "with POST /api/v1/tokens.");
  }
}
