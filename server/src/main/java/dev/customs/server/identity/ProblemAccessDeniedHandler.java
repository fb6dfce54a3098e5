package dev.customs.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 naming the caller's role and what each role may do, so the fix (another role or token) is clear. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {
  private final ProblemResponseWriter writer;

  ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String roles = auth == null ? "none" : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .map(a -> a.replaceFirst("^ROLE_", "")).collect(Collectors.joining(", "));
    String detail = "Your role (" + roles + ") may not " + request.getMethod() + " " + request.getRequestURI()
        + ". ADMIN may change everything, SCANNER may register images and queue scans, AUDITOR may only read.";
    writer.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
  }
}
