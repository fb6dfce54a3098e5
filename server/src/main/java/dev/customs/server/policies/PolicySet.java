package dev.customs.server.policies;

import dev.customs.core.policy.Policy;
import java.util.List;

/**
 * What images are judged with right now: the enabled policies, each carrying the server's
 * exceptions, and a revision that changes whenever any of that changes, and every day, so that
 * judgements made with the current set can be recognised and skipped.
 */
public record PolicySet(List<Policy> policies, String revision) {
  public PolicySet {
    policies = List.copyOf(policies);
  }
}
