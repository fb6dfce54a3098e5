package dev.customs.server.policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A policy document the CLI's loader refuses, as a 400 problem. {@code errors} lists every problem
 * with its line and field (as far as the loader names one), {@code problems} the loader's messages.
 */
public class PolicyDocumentException extends ErrorResponseException {
  static final String SOURCE = "policy";
  /** {@code policy:LINE: [field.path: ]message}, as core's PolicyProblems writes them. */
  private static final Pattern PROBLEM = Pattern.compile("^" + SOURCE + ":(\\d+)(?::)? ?(?:([A-Za-z0-9_.\\[\\]-]+): )?(.*)$",
      Pattern.DOTALL);

  public PolicyDocumentException(List<String> problems) {
    super(HttpStatus.BAD_REQUEST, problem(problems), null);
  }

  private static ProblemDetail problem(List<String> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The policy document is invalid: " + String.join("; ", problems));
    problem.setTitle("Invalid policy document");
    problem.setProperty("errors", problems.stream().map(PolicyDocumentException::error).toList());
    problem.setProperty("problems", problems);
    return problem;
  }

  private static Map<String, Object> error(String problem) {
    Map<String, Object> error = new LinkedHashMap<>();
    Matcher m = PROBLEM.matcher(problem);
    if (m.matches()) {
      error.put("line", Integer.parseInt(m.group(1)));
      if (m.group(2) != null) {
        error.put("field", m.group(2));
      }
      error.put("message", m.group(3));
    } else {
      error.put("message", problem);
    }
    return error;
  }
}
