package dev.customs.server.registries.dto;

import dev.customs.server.registries.AuthKind;
import dev.customs.server.registries.Registry;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A registry as the API shows it: secrets appear only as {@code has…} flags. */
public record RegistryResponse(UUID id, String name, String type, String url, String auth, String username,
    boolean hasPassword, boolean hasToken, String caPem, boolean insecure, String rescanCron,
    boolean hasWebhookSecret, String connector, Instant createdAt, Instant updatedAt, Map<String, String> options) {

  public static RegistryResponse of(Registry r) {
    return new RegistryResponse(r.id(), r.name(), r.type().id(), r.url(), r.authKind().name().toLowerCase(Locale.ROOT),
        r.username(), r.authKind() == AuthKind.PASSWORD, r.authKind() == AuthKind.TOKEN, r.caPem(), r.insecure(),
        r.rescanCron(), r.webhookSecretEnc() != null, r.connector(), r.createdAt(), r.updatedAt(),
        r.options());
  }
}
