package dev.customs.server.notifications.dto;

import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.NotificationEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Create or replace a subscription.
 *
 * @param url the endpoint of webhook, slack and teams channels (write-only for slack and teams;
 *     on update, null keeps the stored one)
 * @param recipients the addresses of an email channel
 * @param secret the HMAC key of a webhook (write-only; on update, null keeps it and "" removes it)
 * @param registryId only images of this registry; null for all
 * @param repositories repository globs; empty or null for all
 * @param enabled default true
 */
public record SubscriptionRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull ChannelType channel,
    String url,
    List<String> recipients,
    String secret,
    @NotEmpty Set<NotificationEvent> events,
    UUID registryId,
    List<@NotBlank String> repositories,
    Boolean enabled) {}
