package dev.customs.server.policies;

import dev.customs.core.policy.ExceptionRule;
import dev.customs.core.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link PolicySet} judging uses. Server exceptions are added to every enabled policy's
 * own exceptions, so core's evaluator applies them exactly as it applies a document's.
 */
@Component
public class JudgingPolicies {
  private static final Logger LOG = LoggerFactory.getLogger(JudgingPolicies.class);

  private final PolicyRepository policies;
  private final ExceptionRepository exceptions;

  public JudgingPolicies(PolicyRepository policies, ExceptionRepository exceptions) {
    this.policies = policies;
    this.exceptions = exceptions;
  }

  @Transactional(readOnly = true)
  public PolicySet current(LocalDate today) {
    List<VulnerabilityException> all = exceptions.findAll();
    List<ExceptionRule> rules = all.stream().map(VulnerabilityException::rule).toList();
    List<Policy> judged = new ArrayList<>();
    // Judgements depend on the day (exception expiry, grace periods, image and data age): a new day is
    // a new revision, so the periodic check judges every image again once a day.
    StringBuilder revision = new StringBuilder("day ").append(today).append('\n');
    for (StoredPolicy stored : policies.enabled()) {
      Policy policy;
      try {
        policy = PolicyService.parse(stored.document());
      } catch (PolicyDocumentException e) {
        // Stored documents were valid when written; one a newer Customs refuses is left out, loudly.
        LOG.error("Enabled policy {} is not valid any more and is left out of judging: {}", stored.name(),
            e.getBody().getDetail());
        continue;
      }
      judged.add(new Policy(policy.name(), policy.description(), stored.source(), policy.scope(), policy.action(),
          policy.enforceAfterDays(), policy.enforceFrom(), policy.controls(),
          Stream.concat(policy.exceptions().stream(), rules.stream()).toList()));
      revision.append("policy ").append(stored.id()).append(' ').append(stored.updatedAt()).append('\n');
    }
    for (VulnerabilityException e : all) {
      revision.append("exception ").append(e.id()).append(' ').append(e.updatedAt()).append('\n');
    }
    return new PolicySet(judged, sha256(revision.toString()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
