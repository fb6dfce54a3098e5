package dev.customs.server.cliscans;

import dev.customs.server.cliscans.dto.ScanSubmission;
import dev.customs.server.cliscans.dto.SubmissionVerdict;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/scan-results}: scans run by the CLI, judged here; administrators and scanners. */
@RestController
public class ScanSubmissionController {
  private final ScanSubmissionService submissions;

  public ScanSubmissionController(ScanSubmissionService submissions) {
    this.submissions = submissions;
  }

  /** Always 200 with the verdict: a non-compliant image is an answer, not an error. */
  @PostMapping("/api/v1/scan-results")
  public SubmissionVerdict submit(@Valid @RequestBody ScanSubmission submission) {
    return submissions.submit(submission);
  }
}
