package dev.customs.core.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maven versions, ordered as Maven 3.9's {@code ComparableVersion}: the lower-cased string is cut
 * into numbers and qualifiers at {@code .}, {@code -} and digit/letter changes; {@code -} (and a
 * qualifier after a dot) opens a nested list. Trailing zeros and release qualifiers are dropped
 * from each list, so {@code 1.0-final == 1}. Qualifiers order as {@code alpha < beta < milestone <
 * rc = cr < snapshot < "" = ga = final = release < sp < any other} (others alphabetically), with
 * {@code a1/b1/m1} meaning alpha/beta/milestone 1. A number beats a list, which beats a qualifier.
 *
 * <p>Maven orders any string; only the empty string is rejected here, as it names no version.
 */
public final class MavenVersionScheme extends ParsedVersionScheme<MavenVersionScheme.Items> {

  /** One parsed item: a number, a qualifier, or a nested list. */
  sealed interface Item permits Num, Qualifier, Items {}

  record Num(BigInteger value) implements Item {}

  /** A qualifier, already mapped to its sort key (see {@link #rank}). */
  record Qualifier(String rank) implements Item {}

  /** A list of items; the whole version is one. */
  record Items(List<Item> items) implements Item {}

  private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
  private static final String RELEASE = rank("");

  @Override
  public String id() {
    return "maven";
  }

  @Override
  protected Items parse(String version) {
    if (version.isEmpty()) {
      throw invalid(version, "version string is empty");
    }
    return new MavenVersionParser(version.toLowerCase(Locale.ENGLISH)).parse();
  }

  @Override
  protected int compareParsed(Items a, Items b) {
    return compareItems(a, b);
  }

  /**
   * Maven's sort key of a qualifier, compared as a string: known ones by their position, unknown
   * ones after all of them, alphabetically.
   */
  static String rank(String qualifier) {
    String name = switch (qualifier) {
      case "ga", "final", "release" -> "";
      case "cr" -> "rc";
      default -> qualifier;
    };
    int index = QUALIFIERS.indexOf(name);
    return index < 0 ? QUALIFIERS.size() + "-" + name : String.valueOf(index);
  }

  static boolean isNull(Item item) {
    return switch (item) {
      case Num n -> n.value().signum() == 0;
      case Qualifier q -> q.rank().equals(RELEASE);
      case Items list -> list.items().isEmpty();
    };
  }

  /** Compares {@code a} with {@code b}, where a null {@code b} means "nothing there" (padding). */
  private static int compareItems(Item a, Item b) {
    return switch (a) {
      case Num n -> switch (b) {
        case null -> n.value().signum();
        case Num m -> n.value().compareTo(m.value());
        case Qualifier q -> 1;
        case Items l -> 1;
      };
      case Qualifier q -> switch (b) {
        case null -> Integer.signum(q.rank().compareTo(RELEASE));
        case Num m -> -1;
        case Qualifier r -> Integer.signum(q.rank().compareTo(r.rank()));
        case Items l -> -1;
      };
      case Items list -> switch (b) {
        case null -> compareWithNothing(list);
        case Num m -> -1;
        case Qualifier r -> 1;
        case Items other -> compareLists(list, other);
      };
    };
  }

  private static int compareWithNothing(Items list) {
    for (Item item : list.items()) {
      int result = compareItems(item, null);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  private static int compareLists(Items a, Items b) {
    int size = Math.max(a.items().size(), b.items().size());
    for (int i = 0; i < size; i++) {
      Item l = i < a.items().size() ? a.items().get(i) : null;
      Item r = i < b.items().size() ? b.items().get(i) : null;
      int result = l == null ? -compareItems(r, null) : compareItems(l, r);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  /** The tokenizer: one pass over the lower-cased version, tracking the innermost open list. */
  private static final class MavenVersionParser {
    private final String version;
    private final Items root = new Items(new ArrayList<>());
    private final List<Items> opened = new ArrayList<>(List.of(root));
    private Items current = root;

    MavenVersionParser(String version) {
      this.version = version;
    }

    private boolean digits;
    private int start;

    Items parse() {
      for (int i = 0; i < version.length(); i++) {
        accept(i, version.charAt(i));
      }
      if (version.length() > start) {
        if (!digits && !current.items().isEmpty()) {
          open(); // a trailing ".qualifier" counts as "-qualifier"
        }
        current.items().add(item(digits, version.substring(start)));
      }
      for (int i = opened.size() - 1; i >= 0; i--) {
        normalize(opened.get(i));
      }
      return root;
    }

    /** One character: a separator ends an item, a digit/letter change ends one and nests. */
    private void accept(int i, char c) {
      if (c == '.' || c == '-') {
        current.items().add(i == start ? new Num(BigInteger.ZERO) : item(digits, version.substring(start, i)));
        start = i + 1;
        if (c == '-') {
          open();
        }
      } else if (Character.isDigit(c)) {
        if (!digits && i > start) {
          // A qualifier directly followed by a number ("rc1", ".x1") is nested like "-rc-1".
          if (!current.items().isEmpty()) {
            open();
          }
          current.items().add(qualifier(version.substring(start, i), true));
          start = i;
          open();
        }
        digits = true;
      } else {
        if (digits && i > start) {
          current.items().add(item(true, version.substring(start, i)));
          start = i;
          open();
        }
        digits = false;
      }
    }

    private void open() {
      Items list = new Items(new ArrayList<>());
      current.items().add(list);
      opened.add(list);
      current = list;
    }

    private static Item item(boolean digits, String text) {
      return digits ? new Num(new BigInteger(text)) : qualifier(text, false);
    }

    private static Qualifier qualifier(String text, boolean followedByDigit) {
      String name = text;
      if (followedByDigit && text.length() == 1) {
        name = switch (text.charAt(0)) {
          case 'a' -> "alpha";
          case 'b' -> "beta";
          case 'm' -> "milestone";
          default -> text;
        };
      }
      return new Qualifier(rank(name));
    }

    /** Drops trailing "null" items (0, release qualifiers, empty lists), looking past non-null lists. */
    private static void normalize(Items list) {
      List<Item> items = list.items();
      for (int i = items.size() - 1; i >= 0; i--) {
        Item item = items.get(i);
        if (isNull(item)) {
          items.remove(i);
        } else if (!(item instanceof Items)) {
          break;
        }
      }
    }
  }
}
