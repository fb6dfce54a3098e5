package dev.customs.server.registries;

import dev.customs.server.registries.dto.RegistryTestStep;
import dev.customs.server.registries.dto.RegistryTestStep.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Collects the steps of one connection test, timing each and turning failures into their message. */
final class RegistryTestSteps {
  /** A step's work: answers what it found, or throws with why it failed. */
  @FunctionalInterface
  interface Check {
    String run() throws Exception;
  }

  private final List<RegistryTestStep> steps = new ArrayList<>();

  /** @return whether the step succeeded */
  boolean run(String name, Check check) {
    long start = System.nanoTime();
    try {
      String detail = check.run();
      steps.add(new RegistryTestStep(name, Outcome.OK, detail, millisSince(start)));
      return true;
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      steps.add(new RegistryTestStep(name, Outcome.FAILED, message, millisSince(start)));
      return false;
    }
  }

  void skip(String name, String reason) {
    steps.add(new RegistryTestStep(name, Outcome.SKIPPED, reason, 0));
  }

  void add(int index, RegistryTestStep step) {
    steps.add(index, step);
  }

  int size() {
    return steps.size();
  }

  List<RegistryTestStep> all() {
    return List.copyOf(steps);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
