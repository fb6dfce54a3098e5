package dev.customs.server.registries;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.ConflictException;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.registries.dto.RegistryRequest;
import dev.customs.server.registries.dto.RegistryResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registry integrations: validation (URL guard, CA, schedule, credentials), secrets sealed before
 * they reach the repository, and an audit entry per change that names fields but never secret values.
 */
@Service
public class RegistryService {
  private final RegistryRepository registries;
  private final RegistrySecrets secrets;
  private final RegistryUrlGuard urlGuard;
  private final AuditLog audit;
  private final Clock clock;

  public RegistryService(RegistryRepository registries, RegistrySecrets secrets, RegistryUrlGuard urlGuard,
      AuditLog audit, Clock clock) {
    this.registries = registries;
    this.secrets = secrets;
    this.urlGuard = urlGuard;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public RegistryResponse create(RegistryRequest request) {
    requireUniqueName(request.name(), null);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Registry registry = build(id, request, null, now, now);
    registries.insert(registry);
    audit.record("registry.create", "registry", id, describe(registry));
    return RegistryResponse.of(registry);
  }

  @Transactional
  public RegistryResponse update(UUID id, RegistryRequest request) {
    Registry old = find(id);
    requireUniqueName(request.name(), id);
    Registry registry = build(id, request, old, old.createdAt(), clock.instant());
    registries.update(registry);
    audit.record("registry.update", "registry", id, describe(registry));
    return RegistryResponse.of(registry);
  }

  @Transactional
  public void delete(UUID id) {
    Registry old = find(id);
    registries.delete(id);
    audit.record("registry.delete", "registry", id, "name=" + old.name());
  }

  @Transactional(readOnly = true)
  public Page<RegistryResponse> list(PageRequest page) {
    return page.page(registries.page(page).stream().map(RegistryResponse::of).toList(), registries.count());
  }

  @Transactional(readOnly = true)
  public RegistryResponse get(UUID id) {
    return RegistryResponse.of(find(id));
  }

  @Transactional(readOnly = true)
  public Registry find(UUID id) {
    return registries.findById(id).orElseThrow(() -> new NotFoundException("registry", id));
  }

  private Registry build(UUID id, RegistryRequest request, Registry old, Instant created, Instant updated) {
    RegistryType type = type(request.type());
    String url = blankToNull(request.url());
    if (url == null) {
      url = type.defaultUrl().orElseThrow(() -> new InvalidRequestException("url",
          "url is required for registry type " + type.id() + " (it has no single public endpoint)"));
    }
    String connector = blankToNull(request.connector());
    urlGuard.check(url, request.allowsInsecure(), connector != null);
    RegistrySettingsValidator.checkCaPem(request.caPem());
    RegistrySettingsValidator.checkCron(request.rescanCron());
    RegistryCredentialChange credential = RegistryCredentialChange.of(request, old);
    String secretEnc = credential.keepStored() ? old.secretEnc()
        : credential.newSecret() == null ? null : secrets.sealCredential(id, credential.newSecret());
    String webhookEnc = webhookSecret(id, request.webhookSecret(), old);
    return new Registry(id, request.name().strip(), type, url, credential.kind(), credential.username(), secretEnc,
        blankToNull(request.caPem()), request.allowsInsecure(), blankToNull(request.rescanCron()), webhookEnc, connector,
        created, updated, request.options());
  }

  /** Absent keeps the stored secret, empty removes it, anything else replaces it. */
  private String webhookSecret(UUID id, String requested, Registry old) {
    if (requested == null) {
      return old == null ? null : old.webhookSecretEnc();
    }
    return requested.isEmpty() ? null : secrets.sealWebhookSecret(id, requested);
  }

  private void requireUniqueName(String name, UUID self) {
    registries.findByName(name.strip()).filter(r -> !r.id().equals(self)).ifPresent(r -> {
      throw new ConflictException("A registry named \"" + name + "\" already exists (id " + r.id()
          + "); choose another name or update that one.");
    });
  }

  private static RegistryType type(String text) {
    try {
      return RegistryType.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("type", e.getMessage());
    }
  }

  /** For the audit log: every setting except secrets, which appear only as present or absent. */
  private static String describe(Registry r) {
    return "name=" + r.name() + " type=" + r.type().id() + " url=" + r.url() + " auth=" + r.authKind()
        + (r.username() == null ? "" : " username=" + r.username()) + " insecure=" + r.insecure()
        + " ca=" + (r.caPem() != null) + " webhookSecret=" + (r.webhookSecretEnc() != null)
        + (r.rescanCron() == null ? "" : " rescan=" + r.rescanCron())
        + (r.connector() == null ? "" : " connector=" + r.connector())
        + (r.options().isEmpty() ? "" : " options=" + new TreeMap<>(r.options()));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
