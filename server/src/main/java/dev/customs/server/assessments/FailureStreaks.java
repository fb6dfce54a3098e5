package dev.customs.server.assessments;

import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.ControlAssessment;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.FailureHistory;
import dev.customs.core.policy.PolicyAssessment;
import dev.customs.server.common.SqlTimes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code control_failures} table: core's {@link FailureHistory} answered from the image's past
 * judgements, so a policy's {@code enforceAfterDays} grace period counts from the first failure the
 * server saw, as docs/policies.md describes.
 */
@Repository
public class FailureStreaks {
  private final JdbcClient jdbc;

  public FailureStreaks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** When each control currently failing for the image first failed. */
  public FailureHistory of(UUID imageId) {
    Map<String, Instant> first = new HashMap<>();
    jdbc.sql("select policy, control_id, first_failed_at from control_failures where image_id = ?").param(imageId)
        .query(rs -> {
          first.put(key(rs.getString("policy"), rs.getString("control_id")), SqlTimes.instant(rs, "first_failed_at"));
        });
    return (policy, controlId) -> Optional.ofNullable(first.get(key(policy, controlId)));
  }

  /** Starts a streak for each control that failed now and had none, ends those of controls that passed. */
  public void update(UUID imageId, Assessment assessment, Instant at) {
    FailureHistory known = of(imageId);
    Set<String> judged = assessment.policies().stream().map(PolicyAssessment::policy).collect(Collectors.toSet());
    for (String stale : jdbc.sql("select distinct policy from control_failures where image_id = ?").param(imageId)
        .query(String.class).list()) {
      if (!judged.contains(stale)) { // disabled or deleted: a later re-enable starts afresh
        jdbc.sql("delete from control_failures where image_id = ? and policy = ?").params(imageId, stale).update();
      }
    }
    for (PolicyAssessment policy : assessment.policies()) {
      if (!policy.inScope()) {
        jdbc.sql("delete from control_failures where image_id = ? and policy = ?").params(imageId, policy.policy())
            .update();
        continue;
      }
      for (ControlAssessment control : policy.controls()) {
        boolean failing = control.result().outcome() != ControlResult.Outcome.PASS;
        boolean streak = known.firstFailed(policy.policy(), control.id()).isPresent();
        if (failing && !streak) {
          jdbc.sql("insert into control_failures (image_id, policy, control_id, first_failed_at) values (?, ?, ?, ?)")
              .params(imageId, policy.policy(), control.id(), SqlTimes.param(at)).update();
        } else if (!failing && streak) {
          jdbc.sql("delete from control_failures where image_id = ? and policy = ? and control_id = ?")
              .params(imageId, policy.policy(), control.id()).update();
        }
      }
    }
  }

  private static String key(String policy, String controlId) {
    return policy + "\u0000" + controlId;
  }
}
