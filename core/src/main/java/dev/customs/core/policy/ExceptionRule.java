package dev.customs.core.policy;

import dev.customs.core.Glob;
import dev.customs.core.image.ImageRef;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A policy exception: a vulnerability (by id or alias) that the policy does not count, optionally
 * only for one registry, repository (glob), image digest or package, until it expires.
 *
 * @param expires the last day it applies; after that it stops applying and results say so
 */
public record ExceptionRule(
    String vulnerability,
    Optional<String> registry,
    Optional<Glob> repository,
    Optional<String> digest,
    Optional<String> packageName,
    String justification,
    String author,
    Optional<LocalDate> expires) {

  public boolean expired(LocalDate today) {
    return expires.map(today::isAfter).orElse(false);
  }

  /** Whether it covers this vulnerability of this image (ignoring expiry). */
  public boolean covers(VulnerabilityView v, Optional<ImageRef> ref, String manifestDigest) {
    return v.isNamed(vulnerability)
        && packageName.map(v.packageName()::equals).orElse(true)
        && digest.map(manifestDigest::equals).orElse(true)
        && registry.map(r -> ref.map(x -> x.registry().equals(r)).orElse(false)).orElse(true)
        && repository.map(g -> ref.map(x -> g.matches(x.repository())).orElse(false)).orElse(true);
  }

  public String describe() {
    StringBuilder text = new StringBuilder(vulnerability);
    packageName.ifPresent(p -> text.append(" in ").append(p));
    registry.ifPresent(r -> text.append(" on ").append(r));
    repository.ifPresent(r -> text.append(" for ").append(r));
    digest.ifPresent(d -> text.append(" for image ").append(d));
    text.append(": ").append(justification).append(" (").append(author);
    expires.ifPresent(e -> text.append(", until ").append(e));
    return text.append(')').toString();
  }
}
