package dev.customs.server.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request clashes with existing state, such as a duplicate name; rendered as a 409 problem. */
public class ConflictException extends ErrorResponseException {
  public ConflictException(String detail) {
    super(HttpStatus.CONFLICT, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Conflict");
    return problem;
  }
}
