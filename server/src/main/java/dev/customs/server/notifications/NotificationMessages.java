package dev.customs.server.notifications;

import dev.customs.server.events.ImageSubject;
import dev.customs.server.events.ImageVerdictChanged;
import dev.customs.server.events.ScanFailed;
import dev.customs.server.events.SevereVulnerabilityFound;
import dev.customs.server.events.VulnerabilityDataStale;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The words of each notification: one factory method per event, the same for every channel. */
final class NotificationMessages {
  private NotificationMessages() {}

  static Notification nonCompliant(ImageVerdictChanged event, Instant now) {
    Map<String, String> facts = image(event.image());
    facts.put("Previous verdict", event.previous() == null ? "none (first scan)" : event.previous());
    if (!event.reasons().isEmpty()) {
      facts.put("Reasons", String.join("; ", event.reasons()));
    }
    String reasons = event.reasons().isEmpty() ? "" : ": " + String.join("; ", event.reasons());
    return new Notification(UUID.randomUUID(), NotificationEvent.IMAGE_NON_COMPLIANT, now,
        "Image non-compliant: " + event.image().reference(),
        event.image().reference() + " no longer passes its blocking assurance policies" + reasons + ".", facts,
        event.image());
  }

  static Notification severeVulnerability(SevereVulnerabilityFound event, Instant now) {
    Map<String, String> facts = image(event.image());
    facts.put("Vulnerability", event.vulnerabilityId());
    facts.put("Package", event.packageName() + " " + event.installedVersion());
    facts.put("Severity", event.severity());
    facts.put("Known exploited", event.knownExploited() ? "yes (CISA KEV)" : "no");
    String kind = event.knownExploited() ? "Known-exploited" : "Critical";
    return new Notification(UUID.randomUUID(), NotificationEvent.SEVERE_VULNERABILITY, now,
        kind + " vulnerability " + event.vulnerabilityId() + " in " + event.image().reference(),
        event.image().reference() + " has " + event.vulnerabilityId() + " (" + event.severity().toLowerCase()
            + (event.knownExploited() ? ", known exploited" : "") + ") in " + event.packageName() + " "
            + event.installedVersion() + ".", facts, event.image());
  }

  static Notification scanFailed(ScanFailed event, Instant now) {
    Map<String, String> facts = image(event.image());
    facts.put("Scan", event.jobId().toString());
    facts.put("Error", event.error());
    return new Notification(UUID.randomUUID(), NotificationEvent.SCAN_FAILED, now,
        "Scan failed: " + event.image().reference(),
        "The scan of " + event.image().reference() + " failed after its last attempt: " + event.error(), facts,
        event.image());
  }

  static Notification stale(VulnerabilityDataStale event, Instant now) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Threshold", human(event.threshold()));
    String text;
    if (event.builtAt() == null) {
      facts.put("Bundle", "none loaded");
      text = "No vulnerability data is loaded: images are inventoried but not matched. Check feed sync or upload"
          + " a bundle.";
    } else {
      facts.put("Built", event.builtAt().toString());
      facts.put("Age", human(event.age()));
      text = "The vulnerability bundle was built " + human(event.age()) + " ago, more than the " + human(
          event.threshold()) + " allowed: verdicts are based on old data. Check feed sync.";
    }
    return new Notification(UUID.randomUUID(), NotificationEvent.FEED_STALE, now, "Vulnerability data is stale", text,
        facts, null);
  }

  static Notification test(Subscription subscription, Instant now) {
    return new Notification(UUID.randomUUID(), NotificationEvent.TEST, now, "Customs test notification",
        "Subscription \"" + subscription.name() + "\" reaches this " + subscription.channel().wire() + ".",
        Map.of("Subscription", subscription.name()), null);
  }

  private static Map<String, String> image(ImageSubject image) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Image", image.reference());
    if (image.digest() != null) {
      facts.put("Digest", image.digest());
    }
    facts.put("Repository", image.registryHost() + "/" + image.repository());
    return facts;
  }

  static String human(Duration duration) {
    if (duration.toDays() >= 2) {
      return duration.toDays() + " days";
    }
    if (duration.toHours() >= 1) {
      return duration.toHours() + " h";
    }
    return duration.toMinutes() + " min";
  }
}
