package dev.customs.core.policy.document;

import java.util.ArrayList;
import java.util.List;

/** The validation messages of one document, each as {@code file:line: field.path: what is wrong}. */
public final class PolicyProblems {
  private final String file;
  private final List<String> messages = new ArrayList<>();

  public PolicyProblems(String file) {
    this.file = file;
  }

  public void add(PolicyNode node, String message) {
    messages.add(file + ":" + node.line() + ": " + (node.path().isEmpty() ? "" : node.path() + ": ") + message);
  }

  public void addAt(int line, String message) {
    messages.add(file + ":" + line + ": " + message);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }
}
