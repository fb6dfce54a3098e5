package dev.customs.server.events;

/**
 * An image's compliance verdict differs from its previous one (after a scan or a re-judgement).
 *
 * @param image the image
 * @param previous the verdict before ({@code compliant}, {@code non_compliant}), null for a first verdict
 * @param current the verdict now
 * @param reasons short, human-readable reasons for the current verdict (failing blocking controls)
 */
public record ImageVerdictChanged(ImageSubject image, String previous, String current, java.util.List<String> reasons) {
  public ImageVerdictChanged {
    reasons = java.util.List.copyOf(reasons);
  }

  public boolean becameNonCompliant() {
    return "non_compliant".equals(current) && !"non_compliant".equals(previous);
  }
}
