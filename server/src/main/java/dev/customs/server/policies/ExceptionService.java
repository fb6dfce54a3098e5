package dev.customs.server.policies;

import dev.customs.core.Glob;
import dev.customs.core.image.Digest;
import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.policies.dto.ExceptionRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vulnerability exceptions: validated, authored by the caller, audited, and re-judging stored scans. */
@Service
public class ExceptionService {
  private final ExceptionRepository exceptions;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public ExceptionService(ExceptionRepository exceptions, AuditLog audit, ApplicationEventPublisher events,
      Clock clock) {
    this.exceptions = exceptions;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public LocalDate today() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  @Transactional(readOnly = true)
  public List<VulnerabilityException> list() {
    return exceptions.findAll();
  }

  @Transactional(readOnly = true)
  public VulnerabilityException get(UUID id) {
    return exceptions.findById(id).orElseThrow(() -> new NotFoundException("exception", id));
  }

  @Transactional
  public VulnerabilityException create(ExceptionRequest request) {
    Instant now = clock.instant();
    VulnerabilityException created = from(request, UUID.randomUUID(), AuditLog.currentActor(), now, now);
    exceptions.insert(created);
    audit.record("exception.create", "exception", created.id(), describe(created));
    events.publishEvent(new PoliciesChanged("exception for " + created.vulnerability() + " created"));
    return created;
  }

  /** Changes what it covers and why; the author stays who created it. */
  @Transactional
  public VulnerabilityException update(UUID id, ExceptionRequest request) {
    VulnerabilityException current = get(id);
    VulnerabilityException changed = from(request, id, current.author(), current.createdAt(), clock.instant());
    exceptions.update(changed);
    audit.record("exception.update", "exception", id, describe(changed));
    events.publishEvent(new PoliciesChanged("exception for " + changed.vulnerability() + " changed"));
    return changed;
  }

  @Transactional
  public void delete(UUID id) {
    VulnerabilityException current = get(id);
    exceptions.delete(id);
    audit.record("exception.delete", "exception", id, describe(current));
    events.publishEvent(new PoliciesChanged("exception for " + current.vulnerability() + " deleted"));
  }

  private VulnerabilityException from(ExceptionRequest r, UUID id, String author, Instant created, Instant updated) {
    if (r.expires() != null && r.expires().isBefore(today())) {
      throw new InvalidRequestException("expires", "expires " + r.expires() + " is in the past (today is " + today()
          + " UTC); an exception that has already expired would never apply");
    }
    String digest = blankToNull(r.digest());
    if (digest != null) {
      try {
        Digest.parse(digest);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("digest", "digest must be a manifest digest like sha256:<64 hex>: "
            + e.getMessage());
      }
    }
    String repository = blankToNull(r.repository());
    if (repository != null) {
      try {
        Glob.of(repository);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("repository", "repository is not a valid glob: " + e.getMessage());
      }
    }
    return new VulnerabilityException(id, r.vulnerability().strip(), blankToNull(r.registry()), repository, digest,
        blankToNull(r.packageName()), r.justification().strip(), author, r.expires(), created, updated);
  }

  private static String describe(VulnerabilityException e) {
    return e.rule().describe();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
