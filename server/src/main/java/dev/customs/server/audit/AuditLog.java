package dev.customs.server.audit;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every change. Callers record inside their own transaction, so a change and its audit
 * entry are committed together or not at all. The actor comes from the security context: a local
 * user is {@code user:<name>}, an API token {@code token:<name>} (its authentication name already
 * carries that prefix; usernames cannot contain {@code :}), and startup work is {@code system}.
 */
@Service
public class AuditLog {
  public static final String SYSTEM = "system";

  private final AuditRepository repository;
  private final Clock clock;

  public AuditLog(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String action, String targetType, Object targetId, String detail) {
    repository.insert(new AuditEvent(UUID.randomUUID(), clock.instant(), currentActor(), action, targetType,
        targetId == null ? null : targetId.toString(), detail));
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> list(PageRequest page) {
    return page.page(repository.page(page), repository.count());
  }

  /** Who is acting now, as the audit log names them; {@link #SYSTEM} outside a request. */
  public static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return SYSTEM;
    }
    String name = auth.getName();
    return name.startsWith("token:") ? name : "user:" + name;
  }
}
