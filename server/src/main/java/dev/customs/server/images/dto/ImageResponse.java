package dev.customs.server.images.dto;

import dev.customs.server.assessments.dto.JudgementSummary;
import dev.customs.server.images.RegisteredImage;
import dev.customs.server.scanning.ScanResultRepository.ScanSummary;
import dev.customs.server.scanning.dto.ScanResponse;
import java.time.Instant;
import java.util.UUID;

/**
 * An image with its latest scan job, latest result and current judgement.
 *
 * @param deletedAt when the registry reported the image deleted, or null
 * @param latestScan the newest scan job, whatever its state (null before the first)
 * @param latestResult the newest successful scan's summary (null until one succeeded)
 * @param judgement the verdict and vulnerability counts of the newest successful scan (null until one
 *     succeeded); its verdict is {@code unknown}, with a message, when no vulnerability data was loaded
 */
public record ImageResponse(UUID id, String reference, UUID registryId, String registryHost, String repository,
    String tag, String digest, String platform, String source, Instant createdAt, Instant deletedAt,
    ScanResponse latestScan, ScanSummary latestResult, JudgementSummary judgement) {

  public static ImageResponse of(RegisteredImage i, ScanResponse latestScan, ScanSummary latestResult,
      JudgementSummary judgement) {
    return new ImageResponse(i.id(), i.reference(), i.registryId(), i.registryHost(), i.repository(), i.tag(),
        i.digest(), i.platform(), i.source(), i.createdAt(), i.deletedAt(), latestScan, latestResult, judgement);
  }
}
