package dev.customs.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.policy.Assessment;
import dev.customs.core.policy.ControlAssessment;
import dev.customs.core.policy.PolicyAssessment;
import dev.customs.core.policy.Suppression;
import java.util.List;

/** The policy assessment as a node of Customs' scan JSON (also what the server stores and serves). */
public final class AssessmentJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AssessmentJson() {}

  public static ObjectNode of(Assessment assessment) {
    ObjectNode node = JSON.createObjectNode().put("compliant", assessment.compliant());
    ArrayNode policies = node.putArray("policies");
    assessment.policies().forEach(p -> policies.add(policy(p)));
    node.set("suppressed", suppressions(assessment.suppressed()));
    node.set("notes", JSON.valueToTree(assessment.notes()));
    return node;
  }

  private static ObjectNode policy(PolicyAssessment policy) {
    ObjectNode node = JSON.createObjectNode().put("name", policy.policy()).put("source", policy.source())
        .put("action", policy.action().name()).put("inScope", policy.inScope()).put("blocks", policy.blocks());
    ArrayNode controls = node.putArray("controls");
    policy.controls().forEach(c -> controls.add(control(c)));
    node.set("suppressed", suppressions(policy.suppressed()));
    node.set("notes", JSON.valueToTree(policy.notes()));
    return node;
  }

  private static ObjectNode control(ControlAssessment control) {
    ObjectNode node = JSON.createObjectNode().put("id", control.id()).put("explanation", control.explanation())
        .put("action", control.action().name()).put("outcome", control.result().outcome().name())
        .put("verdict", control.verdict().name()).put("note", control.note());
    node.set("reasons", JSON.valueToTree(control.result().reasons()));
    ArrayNode offenses = node.putArray("offenses");
    control.result().offenses().forEach(o -> offenses.addObject().put("kind", o.kind()).put("subject", o.subject())
        .put("location", o.location()));
    return node;
  }

  private static ArrayNode suppressions(List<Suppression> suppressed) {
    ArrayNode array = JSON.createArrayNode();
    suppressed.forEach(s -> array.addObject().put("vulnerability", s.vulnerability().label()).put("source", s.source())
        .put("reason", s.reason()));
    return array;
  }
}
