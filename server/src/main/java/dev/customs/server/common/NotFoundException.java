package dev.customs.server.common;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A named resource does not exist; rendered as a 404 problem that names what was looked for. */
public class NotFoundException extends ErrorResponseException {
  public NotFoundException(String what, Object id) {
    super(HttpStatus.NOT_FOUND, problem(what, id), null);
  }

  private static ProblemDetail problem(String what, Object id) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "No " + what + " with id " + id + "; list them with GET to find the right id.");
    detail.setTitle(what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " not found");
    return detail;
  }
}
