package dev.customs.core.policy.control;

import dev.customs.core.policy.document.SpecReader;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A label by name, optionally with a value pattern (a regular expression matching the whole value). */
public record LabelRule(String name, Optional<Pattern> value) {
  static LabelRule read(SpecReader spec) {
    LabelRule rule = new LabelRule(spec.requiredString("name"), spec.regex("value"));
    spec.finish();
    return rule;
  }

  /** Whether the labels carry this label with a matching value. */
  boolean matches(Map<String, String> labels) {
    String actual = labels.get(name);
    return actual != null && value.map(p -> p.matcher(actual).matches()).orElse(true);
  }

  String describe() {
    return name + value.map(p -> " matching /" + p.pattern() + "/").orElse("");
  }
}
