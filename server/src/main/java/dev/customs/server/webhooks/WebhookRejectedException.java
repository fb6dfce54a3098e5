package dev.customs.server.webhooks;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A webhook delivery that is not authentic (or names no registry): 401. The answer says only that,
 * so a caller probing for registry ids or secrets learns nothing; the audit entry has the reason.
 */
public class WebhookRejectedException extends ErrorResponseException {
  public WebhookRejectedException(String reason) {
    super(HttpStatus.UNAUTHORIZED, problem(), new IllegalStateException(reason));
  }

  private static ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        "the delivery is not authenticated for this registry webhook");
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
