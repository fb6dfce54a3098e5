package dev.customs.core.policy;

import java.util.List;

/**
 * One policy's judgement of one image.
 *
 * @param inScope false when the policy's scope does not cover the image (then nothing was evaluated)
 * @param suppressed vulnerabilities left out by the policy's exceptions
 * @param notes exceptions that expired and no longer apply
 */
public record PolicyAssessment(String policy, String source, PolicyAction action, boolean inScope,
    List<ControlAssessment> controls, List<Suppression> suppressed, List<String> notes) {

  public PolicyAssessment {
    controls = List.copyOf(controls);
    suppressed = List.copyOf(suppressed);
    notes = List.copyOf(notes);
  }

  public boolean blocks() {
    return controls.stream().anyMatch(c -> c.verdict() == Verdict.BLOCK);
  }
}
