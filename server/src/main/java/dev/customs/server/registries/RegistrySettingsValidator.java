package dev.customs.server.registries;

import dev.customs.server.common.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import org.springframework.scheduling.support.CronExpression;

/** Checks the settings that Bean Validation cannot: CA certificates and rescan schedules. */
final class RegistrySettingsValidator {
  private RegistrySettingsValidator() {}

  static void checkCaPem(String pem) {
    if (pem == null || pem.isBlank()) {
      return;
    }
    try {
      var certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certificates.isEmpty()) {
        throw new InvalidRequestException("caPem", "caPem holds no certificate; paste one or more "
            + "'-----BEGIN CERTIFICATE-----' blocks");
      }
    } catch (CertificateException e) {
      throw new InvalidRequestException("caPem", "caPem is not a PEM X.509 certificate: " + e.getMessage());
    }
  }

  /** Accepts classic 5-field cron (minute first) and Spring's 6-field cron (second first). */
  static void checkCron(String cron) {
    if (cron == null || cron.isBlank()) {
      return;
    }
    String expression = cron.strip().split("\\s+").length == 5 ? "0 " + cron.strip() : cron.strip();
    try {
      CronExpression.parse(expression);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("rescanCron", "rescanCron \"" + cron + "\" is not a cron expression ("
          + e.getMessage() + "); e.g. \"0 3 * * *\" for 03:00 every day");
    }
  }
}
