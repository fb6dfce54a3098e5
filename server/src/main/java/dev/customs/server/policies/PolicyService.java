package dev.customs.server.policies;

import dev.customs.core.policy.Policy;
import dev.customs.core.policy.PolicyFormatException;
import dev.customs.core.policy.load.PolicyLoader;
import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.ConflictException;
import dev.customs.server.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Policies as documents: every document is read by the CLI's {@link PolicyLoader}, so the server
 * accepts exactly what {@code customs scan --policy FILE} accepts, and refuses it with the same
 * messages (each naming its line and field). Every change is audited and re-judges stored scans.
 */
@Service
public class PolicyService {
  private final PolicyRepository policies;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public PolicyService(PolicyRepository policies, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.policies = policies;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Reads a document as the CLI does; a refusal lists every problem. */
  public static Policy parse(String document) {
    if (document == null || document.isBlank()) {
      throw new PolicyDocumentException(List.of(PolicyDocumentException.SOURCE
          + ":1: the document is empty; send the policy as YAML or JSON (see docs/policies.md)"));
    }
    try {
      return new PolicyLoader().parse(PolicyDocumentException.SOURCE, document);
    } catch (PolicyFormatException e) {
      throw new PolicyDocumentException(e.problems());
    }
  }

  @Transactional(readOnly = true)
  public List<StoredPolicy> list() {
    return policies.findAll();
  }

  @Transactional(readOnly = true)
  public StoredPolicy get(UUID id) {
    return policies.findById(id).orElseThrow(() -> new NotFoundException("policy", id));
  }

  /** Adds a policy from a shipped document ({@code builtin} names it), or from a user's when null. */
  @Transactional
  public StoredPolicy create(String document, boolean enabled, String builtin) {
    Policy policy = parse(document);
    requireFreeName(policy.name(), null);
    Instant now = clock.instant();
    StoredPolicy stored = new StoredPolicy(UUID.randomUUID(), policy.name(), policy.description(), document, enabled,
        builtin, now, now);
    policies.insert(stored);
    audit.record("policy.create", "policy", stored.id(), "name=" + stored.name() + " enabled=" + enabled
        + (builtin == null ? "" : " builtin=" + builtin));
    events.publishEvent(new PoliciesChanged("policy " + stored.name() + " created"));
    return stored;
  }

  /** Replaces the document; a changed built-in policy is the administrator's own from then on. */
  @Transactional
  public StoredPolicy replace(UUID id, String document) {
    StoredPolicy current = get(id);
    Policy policy = parse(document);
    requireFreeName(policy.name(), id);
    StoredPolicy changed = new StoredPolicy(id, policy.name(), policy.description(), document, current.enabled(),
        document.equals(current.document()) ? current.builtin() : null, current.createdAt(), clock.instant());
    policies.update(changed);
    audit.record("policy.update", "policy", id, "name=" + changed.name()
        + (current.name().equals(changed.name()) ? "" : " was=" + current.name()));
    events.publishEvent(new PoliciesChanged("policy " + changed.name() + " changed"));
    return changed;
  }

  @Transactional
  public StoredPolicy setEnabled(UUID id, boolean enabled) {
    StoredPolicy current = get(id);
    if (current.enabled() == enabled) {
      return current;
    }
    StoredPolicy changed = new StoredPolicy(id, current.name(), current.description(), current.document(), enabled,
        current.builtin(), current.createdAt(), clock.instant());
    policies.update(changed);
    audit.record(enabled ? "policy.enable" : "policy.disable", "policy", id, "name=" + current.name());
    events.publishEvent(new PoliciesChanged("policy " + current.name() + (enabled ? " enabled" : " disabled")));
    return changed;
  }

  @Transactional
  public void delete(UUID id) {
    StoredPolicy current = get(id);
    policies.delete(id);
    audit.record("policy.delete", "policy", id, "name=" + current.name());
    events.publishEvent(new PoliciesChanged("policy " + current.name() + " deleted"));
  }

  private void requireFreeName(String name, UUID self) {
    policies.findByName(name).filter(p -> !p.id().equals(self)).ifPresent(p -> {
      throw new ConflictException("A policy named " + name + " exists already (id " + p.id()
          + "); change metadata.name or replace that policy with PUT /api/v1/policies/" + p.id() + ".");
    });
  }
}
