package dev.customs.core.policy;

/** Policy documents for tests, written as users write them. */
final class PolicyDocuments {
  private PolicyDocuments() {}

  /** A blocking policy named {@code test} with these controls (YAML flow objects, one per line). */
  static String withControls(String... controls) {
    StringBuilder doc = new StringBuilder("""
        apiVersion: customs/v1
        kind: AssurancePolicy
        metadata:
          name: test
        spec:
          controls:
        """);
    for (String control : controls) {
      doc.append("    - ").append(control).append('\n');
    }
    return doc.toString();
  }
}
