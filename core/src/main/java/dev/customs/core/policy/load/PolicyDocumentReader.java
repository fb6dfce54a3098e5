package dev.customs.core.policy.load;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ExceptionRule;
import dev.customs.core.Glob;
import dev.customs.core.policy.Policy;
import dev.customs.core.policy.PolicyAction;
import dev.customs.core.policy.PolicyControl;
import dev.customs.core.policy.Scope;
import dev.customs.core.policy.control.ControlTypes;
import dev.customs.core.policy.document.PolicyNode;
import dev.customs.core.policy.document.PolicyProblems;
import dev.customs.core.policy.document.SpecReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a parsed policy document into a {@link Policy}, recording every problem with its line. */
public final class PolicyDocumentReader {
  public static final String API_VERSION = "customs/v1";
  public static final String KIND = "AssurancePolicy";

  private final PolicyProblems problems;

  public PolicyDocumentReader(PolicyProblems problems) {
    this.problems = problems;
  }

  public Policy read(PolicyNode root, String source) {
    if (root.kind() != PolicyNode.Kind.OBJECT) {
      problems.add(root, "expected a policy document (an object with apiVersion, kind, metadata and spec)");
      return null;
    }
    SpecReader doc = new SpecReader(root, problems);
    expect(doc, "apiVersion", API_VERSION);
    expect(doc, "kind", KIND);
    doc.require("metadata");
    Optional<SpecReader> metadata = doc.object("metadata");
    String name = metadata.map(m -> m.requiredString("name")).orElse("");
    String description = metadata.flatMap(m -> m.string("description")).orElse("");
    metadata.ifPresent(SpecReader::finish);
    doc.require("spec");
    Optional<SpecReader> spec = doc.object("spec");
    doc.finish();
    if (spec.isEmpty()) {
      return null;
    }
    return readSpec(spec.get(), name, description, source);
  }

  private Policy readSpec(SpecReader spec, String name, String description, String source) {
    Scope scope = spec.object("scope").map(this::readScope).orElse(Scope.ALL);
    PolicyAction action = spec.choice("action", PolicyAction.class).orElse(PolicyAction.BLOCK);
    Optional<Long> enforceAfterDays = spec.whole("enforceAfterDays", 0);
    var enforceFrom = spec.date("enforceFrom");
    spec.require("controls");
    List<PolicyControl> controls = new ArrayList<>();
    for (SpecReader control : spec.objects("controls")) {
      readControl(control, controls.size()).ifPresent(controls::add);
    }
    if (controls.isEmpty() && spec.node().fields().containsKey("controls") && problems.isEmpty()) {
      spec.problem("controls", "expected at least one control");
    }
    List<ExceptionRule> exceptions = spec.objects("exceptions").stream().map(this::readException).toList();
    spec.finish();
    return new Policy(name, description, source, scope, action, enforceAfterDays, enforceFrom, controls, exceptions);
  }

  private Optional<PolicyControl> readControl(SpecReader spec, int index) {
    String type = spec.requiredString("type");
    Optional<PolicyAction> action = spec.choice("action", PolicyAction.class);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Optional<Control> control = ControlTypes.read(type, spec);
    if (control.isEmpty()) {
      spec.problem("type", "unknown control type " + type + ": expected one of "
          + String.join(", ", ControlTypes.names()));
      return Optional.empty();
    }
    spec.finish();
    return Optional.of(new PolicyControl("controls[" + index + "] " + type, control.get(), action, spec.node().line()));
  }

  private Scope readScope(SpecReader spec) {
    List<Glob> registries = spec.strings("registries").stream().map(Glob::of).toList();
    List<Glob> repositories = spec.strings("repositories").stream().map(Glob::of).toList();
    List<Glob> tags = spec.strings("tags").stream().map(Glob::of).toList();
    Map<String, Pattern> labels = new LinkedHashMap<>();
    spec.object("labels").ifPresent(l -> {
      for (String key : l.node().fields().keySet()) {
        l.regex(key).ifPresent(p -> labels.put(key, p));
      }
    });
    spec.finish();
    return new Scope(registries, repositories, tags, labels);
  }

  private ExceptionRule readException(SpecReader spec) {
    ExceptionRule rule = new ExceptionRule(spec.requiredString("vulnerability"), spec.string("registry"),
        spec.string("repository").map(Glob::of), spec.string("digest"), spec.string("package"),
        spec.requiredString("justification"), spec.requiredString("author"), spec.date("expires"));
    spec.finish();
    return rule;
  }

  private void expect(SpecReader doc, String key, String wanted) {
    doc.require(key);
    doc.string(key).filter(v -> !v.equals(wanted))
        .ifPresent(v -> doc.problem(key, "expected " + wanted + ", was " + v));
  }
}
