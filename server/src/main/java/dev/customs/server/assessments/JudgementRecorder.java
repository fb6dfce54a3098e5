package dev.customs.server.assessments;

import dev.customs.core.policy.Assessment;
import dev.customs.core.report.AssessmentJson;
import dev.customs.server.events.ImageSubject;
import dev.customs.server.events.ImageVerdictChanged;
import dev.customs.server.events.SevereVulnerabilityFound;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores a judgement and announces what changed: {@link ImageVerdictChanged} when the image's
 * verdict differs from its current one, {@link SevereVulnerabilityFound} for each critical or
 * known-exploited finding its current findings did not have. The image's current judgement is
 * locked while this runs, so replicas judging the same image at once announce a change only once;
 * events go out after the transaction commits.
 */
@Component
public class JudgementRecorder {
  private final JudgementRepository repository;
  private final FailureStreaks failures;
  private final ApplicationEventPublisher events;

  public JudgementRecorder(JudgementRepository repository, FailureStreaks failures, ApplicationEventPublisher events) {
    this.repository = repository;
    this.failures = failures;
    this.events = events;
  }

  /** @return whether it became the image's current judgement (false: a newer scan was judged meanwhile) */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean record(UUID imageId, UUID jobId, Instant scannedAt, Judgement judgement) {
    Optional<JudgementRepository.Current> current = repository.lockCurrent(imageId);
    boolean isCurrent = current.map(c -> c.jobId().equals(jobId) || !c.scannedAt().isAfter(scannedAt)).orElse(true);
    Set<String> known = current.filter(c -> isCurrent)
        .map(c -> repository.findings(c.jobId()).stream().map(StoredFinding::key).collect(Collectors.toSet()))
        .orElse(Set.of());
    repository.replaceFindings(jobId, imageId, judgement.findings());
    repository.saveAssessment(jobId, imageId, judgement, judgement.assessment().map(JudgementRecorder::gzip).orElse(null));
    if (!isCurrent) {
      return false;
    }
    repository.saveCurrent(new JudgementRepository.Current(imageId, jobId, scannedAt, judgement.verdict(),
        judgement.judgedAt()), current.isPresent());
    judgement.assessment().ifPresent(a -> failures.update(imageId, a, judgement.judgedAt()));
    List<Object> announced = new ArrayList<>();
    Optional<ImageSubject> subject = repository.subject(imageId);
    if (subject.isPresent()) {
      String previous = current.map(JudgementRepository.Current::verdict).filter(v -> !v.equals(Judgement.UNKNOWN))
          .orElse(null);
      if (!judgement.verdict().equals(Judgement.UNKNOWN) && !judgement.verdict().equals(previous)) {
        announced.add(new ImageVerdictChanged(subject.get(), previous, judgement.verdict(),
            judgement.blockingReasons()));
      }
      judgement.findings().stream().filter(StoredFinding::severe).filter(f -> !known.contains(f.key()))
          .map(f -> new SevereVulnerabilityFound(subject.get(), f.view().id(), f.view().packageName(),
              f.view().packageVersion(), f.view().severity().name(), f.view().knownExploited()))
          .forEach(announced::add);
    }
    publishAfterCommit(announced);
    return true;
  }

  private void publishAfterCommit(List<Object> announced) {
    if (announced.isEmpty()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        announced.forEach(events::publishEvent);
      }
    });
  }

  static byte[] gzip(Assessment assessment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(AssessmentJson.of(assessment).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
