package dev.customs.core.policy;

import java.util.List;

/** A policy document that cannot be used, with every problem found as {@code file:line: field: what}. */
public final class PolicyFormatException extends Exception {
  private final List<String> problems;

  public PolicyFormatException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
