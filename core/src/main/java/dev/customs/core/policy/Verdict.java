package dev.customs.core.policy;

/** What a control's result means for compliance. */
public enum Verdict {
  /** The control passed. */
  PASS,
  /** It failed (or could not judge) and blocks: the image is not compliant. */
  BLOCK,
  /** It failed but only warns: an audit action, or a blocking control still in its grace period. */
  WARN
}
