package dev.customs.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A bad token is answered with 401 at once
 * rather than treated as anonymous, so a client learns that its token, not its request, is wrong.
 * The context is set for this request only: token requests never create a session.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
  private static final String SCHEME = "bearer ";

  private final ApiTokenService tokens;
  private final AuthenticationEntryPoint entryPoint;

  BearerTokenFilter(ApiTokenService tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiTokenAuthentication> auth = tokens.authenticate(header.substring(SCHEME.length()).strip());
    if (auth.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new InvalidTokenException());
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth.get());
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
