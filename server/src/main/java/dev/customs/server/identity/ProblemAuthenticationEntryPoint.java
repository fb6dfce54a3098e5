package dev.customs.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 for the API: says which credentials the server accepts instead of redirecting to a login page. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {
  private final ProblemResponseWriter writer;

  ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Customs\"");
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Customs\"");
    String detail = failure instanceof InvalidTokenException
        ? failure.getMessage()
        : "Authentication required: send 'Authorization: Bearer <API token>' or HTTP Basic with a local user.";
    writer.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
  }
}
