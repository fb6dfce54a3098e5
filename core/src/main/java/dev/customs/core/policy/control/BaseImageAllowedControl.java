package dev.customs.core.policy.control;

import dev.customs.core.image.Digest;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Passes when the image is built on an allowed base image: its bottom layers are exactly the layers
 * (diffIDs) of one allowed base ({@code bases: [{name, layers: [sha256:…]}]}), or it carries a label
 * naming its base ({@code label: {name: org.opencontainers.image.base.name, value: regex}}). Layer
 * digests are the proof; a label is only the builder's word.
 */
public record BaseImageAllowedControl(List<AllowedBase> bases, Optional<LabelRule> label) implements Control {
  public static final String TYPE = "baseImageAllowed";

  /** An allowed base image: a name for messages and its layer diffIDs, bottom first. */
  public record AllowedBase(String name, List<Digest> layers) {}

  static BaseImageAllowedControl read(SpecReader spec) {
    List<AllowedBase> bases = new ArrayList<>();
    for (SpecReader base : spec.objects("bases")) {
      String name = base.requiredString("name");
      base.require("layers");
      List<Digest> layers = new ArrayList<>();
      for (String text : base.strings("layers")) {
        try {
          layers.add(Digest.parse(text));
        } catch (IllegalArgumentException e) {
          base.problem("layers", "not a digest: " + text);
        }
      }
      base.finish();
      bases.add(new AllowedBase(name, layers));
    }
    Optional<LabelRule> label = spec.object("label").map(LabelRule::read);
    if (bases.isEmpty() && label.isEmpty()) {
      spec.problem("bases", "expected bases or label");
    }
    return new BaseImageAllowedControl(bases, label);
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    List<String> ways = new ArrayList<>();
    if (!bases.isEmpty()) {
      ways.add("its bottom layers are those of " + String.join(", ", bases.stream().map(AllowedBase::name).toList()));
    }
    label.ifPresent(l -> ways.add("it has the label " + l.describe()));
    return "Fails unless the image is built on an allowed base image: " + String.join(", or ", ways) + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Digest> layers = context.inventory().image().layers().stream().map(LayerDescriptor::diffId).toList();
    for (AllowedBase base : bases) {
      if (!base.layers().isEmpty() && layers.size() >= base.layers().size()
          && layers.subList(0, base.layers().size()).equals(base.layers())) {
        return ControlResult.pass("built on " + base.name() + " (its " + base.layers().size() + " layers)");
      }
    }
    if (label.isPresent() && label.get().matches(context.inventory().image().labels())) {
      return ControlResult.pass("labelled " + label.get().describe());
    }
    String bottom = layers.isEmpty() ? "no layers" : "bottom layer " + layers.get(0);
    return new ControlResult(ControlResult.Outcome.FAIL, List.of("not built on an allowed base image"),
        List.of(Offense.of("base image", bottom)));
  }
}
