package dev.customs.server.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that is well-formed JSON but asks for something the server will not do, with the field
 * at fault; rendered as a 400 problem with a {@code field} property.
 */
public class InvalidRequestException extends ErrorResponseException {
  public InvalidRequestException(String field, String detail) {
    super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
  }

  private static ProblemDetail problem(String field, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid " + field);
    problem.setProperty("field", field);
    return problem;
  }
}
