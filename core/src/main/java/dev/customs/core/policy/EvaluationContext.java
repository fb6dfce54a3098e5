package dev.customs.core.policy;

import dev.customs.core.image.ImageRef;
import dev.customs.core.inventory.Inventory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a control may judge: the inventory of one image, how it is named, its vulnerabilities
 * and the data they came from, and the time of evaluation (a parameter, so that results are
 * reproducible and testable).
 *
 * @param reference the image's registry name; an archive scanned under a name passes it here,
 *     otherwise the inventory's own reference
 * @param vulnerabilities the vulnerabilities found, or empty when matching was not run (then
 *     vulnerability controls report an error rather than pass)
 * @param vulnData the database matched against, if any
 */
public record EvaluationContext(
    Inventory inventory,
    Optional<ImageRef> reference,
    Optional<List<VulnerabilityView>> vulnerabilities,
    Optional<VulnDataFacts> vulnData,
    Instant now) {

  public EvaluationContext {
    vulnerabilities = vulnerabilities.map(List::copyOf);
  }

  /** An inventory-only context: the image's own reference, no matching. */
  public static EvaluationContext of(Inventory inventory, Instant now) {
    return new EvaluationContext(inventory, inventory.image().reference(), Optional.empty(), Optional.empty(), now);
  }

  public EvaluationContext withVulnerabilities(List<VulnerabilityView> views) {
    return new EvaluationContext(inventory, reference, Optional.of(views), vulnData, now);
  }

  public EvaluationContext withVulnData(VulnDataFacts facts) {
    return new EvaluationContext(inventory, reference, vulnerabilities, Optional.of(facts), now);
  }

  public EvaluationContext withReference(ImageRef ref) {
    return new EvaluationContext(inventory, Optional.of(ref), vulnerabilities, vulnData, now);
  }
}
