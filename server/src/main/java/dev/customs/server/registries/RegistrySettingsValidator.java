package dev.customs.server.registries;

import dev.customs.server.common.Cron;
import dev.customs.server.common.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

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

  static void checkCron(String cron) {
    if (cron != null && !cron.isBlank()) {
      Cron.parse("rescanCron", cron);
    }
  }

}
