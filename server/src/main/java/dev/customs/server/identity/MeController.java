package dev.customs.server.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the server thinks the caller is, for clients and the UI. */
@RestController
public class MeController {
  /** @param kind {@code user} or {@code token} */
  public record Me(String name, String kind, List<String> roles) {}

  @GetMapping("/api/v1/me")
  public Me me(Authentication auth) {
    List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .map(a -> a.replaceFirst("^ROLE_", "")).toList();
    return new Me(auth.getName(), auth instanceof ApiTokenAuthentication ? "token" : "user", roles);
  }
}
