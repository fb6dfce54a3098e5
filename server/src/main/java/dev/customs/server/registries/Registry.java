package dev.customs.server.registries;

import java.time.Instant;
import java.util.UUID;

/**
 * A registry integration as stored. {@code secretEnc} (the password or token) and
 * {@code webhookSecretEnc} are AES-GCM ciphertext; see {@link RegistrySecrets}.
 */
public record Registry(UUID id, String name, RegistryType type, String url, AuthKind authKind, String username,
    String secretEnc, String caPem, boolean insecure, String rescanCron, String webhookSecretEnc, String connector,
    Instant createdAt, Instant updatedAt) {}
