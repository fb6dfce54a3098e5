package dev.customs.core.policy.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads the fields of one object of a policy document. Every wrong value is recorded in the
 * shared {@link PolicyProblems} (with its line) and read as absent, so one pass reports every
 * mistake; {@link #finish()} reports the fields nobody asked for.
 */
public final class SpecReader {
  private final PolicyNode node;
  private final PolicyProblems problems;
  private final Set<String> read = new HashSet<>();

  public SpecReader(PolicyNode node, PolicyProblems problems) {
    this.node = node;
    this.problems = problems;
  }

  public PolicyNode node() {
    return node;
  }

  public PolicyProblems problems() {
    return problems;
  }

  /** Records a problem about this object's field {@code key} (or the object when absent). */
  public void problem(String key, String message) {
    problems.add(node.fields().getOrDefault(key, node), message);
  }

  /** Records a problem when the field is absent; its value is read by the typed getters. */
  public void require(String key) {
    if (!node.fields().containsKey(key)) {
      problems.add(node, "missing required field " + key);
    }
  }

  public Optional<PolicyNode> field(String key) {
    read.add(key);
    return Optional.ofNullable(node.fields().get(key)).filter(n -> n.kind() != PolicyNode.Kind.NULL);
  }

  public Optional<String> string(String key) {
    return field(key).flatMap(n -> scalar(n, PolicyNode.Kind.STRING, "a string"));
  }

  public String requiredString(String key) {
    require(key);
    return string(key).orElse("");
  }

  public Optional<Double> number(String key, double min, double max) {
    return field(key).flatMap(n -> scalar(n, PolicyNode.Kind.NUMBER, "a number").flatMap(text -> {
      double value = Double.parseDouble(text);
      if (value < min || value > max) {
        problems.add(n, "expected a number from " + min + " to " + max + ", was " + text);
        return Optional.empty();
      }
      return Optional.of(value);
    }));
  }

  public Optional<Long> whole(String key, long min) {
    return field(key).flatMap(n -> scalar(n, PolicyNode.Kind.NUMBER, "a whole number").flatMap(text -> {
      if (!text.matches("-?\\d+") || Long.parseLong(text) < min) {
        problems.add(n, "expected a whole number of at least " + min + ", was " + text);
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(text));
    }));
  }

  public boolean bool(String key, boolean fallback) {
    return field(key).flatMap(n -> scalar(n, PolicyNode.Kind.BOOLEAN, "true or false"))
        .map(Boolean::parseBoolean).orElse(fallback);
  }

  public Optional<LocalDate> date(String key) {
    return field(key).flatMap(n -> scalar(n, PolicyNode.Kind.STRING, "a date (YYYY-MM-DD)").flatMap(text -> {
      try {
        return Optional.of(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        problems.add(n, "expected a date (YYYY-MM-DD), was " + text);
        return Optional.empty();
      }
    }));
  }

  public Optional<Pattern> regex(String key) {
    return field(key).flatMap(n -> scalar(n, PolicyNode.Kind.STRING, "a regular expression").flatMap(text -> {
      try {
        return Optional.of(Pattern.compile(text));
      } catch (PatternSyntaxException e) {
        problems.add(n, "not a valid regular expression: " + e.getDescription());
        return Optional.empty();
      }
    }));
  }

  /**
   * A list of regular expressions, compiled with {@link Pattern#MULTILINE} so that {@code ^} and
   * {@code $} match at each line of a file.
   */
  public List<Pattern> multilineRegexes(String key) {
    List<Pattern> patterns = new ArrayList<>();
    for (PolicyNode n : list(key)) {
      scalar(n, PolicyNode.Kind.STRING, "a regular expression").ifPresent(text -> {
        try {
          patterns.add(Pattern.compile(text, Pattern.MULTILINE));
        } catch (PatternSyntaxException e) {
          problems.add(n, "not a valid regular expression: " + e.getDescription());
        }
      });
    }
    return patterns;
  }

  /** An enum value, written in any case. */
  public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
    return field(key).flatMap(n -> scalar(n, PolicyNode.Kind.STRING, "a string").flatMap(text -> {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(text)) {
          return Optional.of(constant);
        }
      }
      String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      problems.add(n, "expected one of " + names + ", was " + text);
      return Optional.empty();
    }));
  }

  public List<String> strings(String key) {
    return list(key).stream().map(n -> scalar(n, PolicyNode.Kind.STRING, "a string"))
        .flatMap(Optional::stream).toList();
  }

  public List<Long> wholeNumbers(String key) {
    List<Long> numbers = new ArrayList<>();
    for (PolicyNode n : list(key)) {
      scalar(n, PolicyNode.Kind.NUMBER, "a whole number").ifPresent(text -> {
        if (text.matches("\\d+")) {
          numbers.add(Long.parseLong(text));
        } else {
          problems.add(n, "expected a whole number, was " + text);
        }
      });
    }
    return numbers;
  }

  public List<SpecReader> objects(String key) {
    List<SpecReader> readers = new ArrayList<>();
    for (PolicyNode item : list(key)) {
      object(item).ifPresent(readers::add);
    }
    return readers;
  }

  public Optional<SpecReader> object(String key) {
    return field(key).flatMap(this::object);
  }

  /** Reports every field of this object that no reader asked for. */
  public void finish() {
    node.fields().forEach((name, value) -> {
      if (!read.contains(name)) {
        problems.add(value, "unknown field");
      }
    });
  }

  private Optional<SpecReader> object(PolicyNode n) {
    if (n.kind() != PolicyNode.Kind.OBJECT) {
      problems.add(n, "expected an object, was " + describe(n));
      return Optional.empty();
    }
    return Optional.of(new SpecReader(n, problems));
  }

  private List<PolicyNode> list(String key) {
    Optional<PolicyNode> value = field(key);
    if (value.isPresent() && value.get().kind() != PolicyNode.Kind.LIST) {
      problems.add(value.get(), "expected a list, was " + describe(value.get()));
      return List.of();
    }
    return value.map(PolicyNode::items).orElse(List.of());
  }

  private Optional<String> scalar(PolicyNode n, PolicyNode.Kind kind, String expected) {
    if (n.kind() != kind) {
      problems.add(n, "expected " + expected + ", was " + describe(n));
      return Optional.empty();
    }
    return Optional.of(n.text());
  }

  private static String describe(PolicyNode n) {
    return switch (n.kind()) {
      case OBJECT -> "an object";
      case LIST -> "a list";
      case NULL -> "empty";
      default -> n.kind().name().toLowerCase(Locale.ROOT) + " " + n.text();
    };
  }
}
