package dev.customs.server.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token. Its name is {@code token:<token name>}, which is how the
 * audit log names the actor; its only authority is the token's role.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {
  private final ApiToken token;

  ApiTokenAuthentication(ApiToken token) {
    super(List.of(token.role().authority()));
    this.token = token;
    setAuthenticated(true);
  }

  public ApiToken token() {
    return token;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return getName();
  }

  @Override
  public String getName() {
    return "token:" + token.name();
  }
}
