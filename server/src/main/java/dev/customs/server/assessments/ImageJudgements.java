package dev.customs.server.assessments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.vuln.model.SeverityLevel;
import dev.customs.server.assessments.dto.JudgementSummary;
import dev.customs.server.vulndata.VulnerabilityData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the API shows of an image's current judgement. */
@Service
public class ImageJudgements {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JudgementRepository repository;

  public ImageJudgements(JudgementRepository repository) {
    this.repository = repository;
  }

  @Transactional(readOnly = true)
  public Optional<JudgementSummary> summary(UUID imageId) {
    return repository.current(imageId).map(c -> {
      Optional<JudgementRepository.Basis> basis = repository.basis(c.jobId());
      if (c.verdict().equals(Judgement.UNKNOWN)) {
        return new JudgementSummary(c.verdict(), VulnerabilityData.MISSING_MESSAGE, c.scannedAt(), c.judgedAt(), null,
            null, null);
      }
      List<StoredFinding> findings = repository.findings(c.jobId());
      Map<String, Long> counts = new LinkedHashMap<>();
      for (SeverityLevel level : List.of(SeverityLevel.CRITICAL, SeverityLevel.HIGH, SeverityLevel.MEDIUM,
          SeverityLevel.LOW, SeverityLevel.NEGLIGIBLE, SeverityLevel.UNKNOWN)) {
        counts.put(level.name(), findings.stream().filter(f -> f.view().severity() == level).count());
      }
      long fixable = findings.stream().filter(f -> f.view().hasFix()).count();
      return new JudgementSummary(c.verdict(), null, c.scannedAt(), c.judgedAt(), counts, fixable,
          basis.map(JudgementRepository.Basis::vulnDataBuiltAt).orElse(null));
    });
  }

  /** How many images' current judgement was made without vulnerability data. */
  @Transactional(readOnly = true)
  public long unmatchedImages() {
    return repository.countByVerdict(Judgement.UNKNOWN);
  }

  /** The current findings; empty when the image was never judged or judged without vulnerability data. */
  @Transactional(readOnly = true)
  public Optional<List<StoredFinding>> findings(UUID imageId) {
    return repository.current(imageId).filter(c -> !c.verdict().equals(Judgement.UNKNOWN))
        .map(c -> repository.findings(c.jobId()));
  }

  /** The current assessment as core writes it into scan JSON (docs/formats), empty without one. */
  @Transactional(readOnly = true)
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> assessment(UUID imageId) {
    return repository.current(imageId).flatMap(c -> repository.assessment(c.jobId())).map(gzipped -> {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
        return JSON.readValue(in, Map.class);
      } catch (IOException e) {
        throw new UncheckedIOException("stored assessment of image " + imageId + " cannot be read", e);
      }
    });
  }
}
