package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.VersionRange;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON columns of {@code affected} read back exactly as written, and refused when corrupt. */
class RangesJsonTest {
  @Test
  void rangesOfEveryShapeReadBackAsWritten() {
    List<VersionRange> ranges = List.of(
        new VersionRange(RangeType.ECOSYSTEM, List.of(new RangeEvent(EventKind.INTRODUCED, "0"),
            new RangeEvent(EventKind.FIXED, "1:2.3-4~deb12u1"))),
        new VersionRange(RangeType.SEMVER, List.of(new RangeEvent(EventKind.INTRODUCED, "2.0.0"),
            new RangeEvent(EventKind.LAST_AFFECTED, "2.1.0"), new RangeEvent(EventKind.INTRODUCED, "3.0.0-rc.1"),
            new RangeEvent(EventKind.LIMIT, "3.2.0"))),
        new VersionRange(RangeType.GEM_REQUIREMENTS, List.of(new RangeEvent(EventKind.PATCHED, "~> 2.0.8, >= 2.0.8.1"),
            new RangeEvent(EventKind.UNAFFECTED, "< 1.0"))),
        new VersionRange(RangeType.ECOSYSTEM, List.of()));

    assertThat(RangesJson.readRanges(RangesJson.writeRanges(ranges))).isEqualTo(ranges);
    assertThat(RangesJson.readRanges(RangesJson.writeRanges(List.of()))).isEmpty();
  }

  @Test
  void textThatJsonEscapesReadsBackUnchanged() {
    String odd = "1.0 \"quoted\" \\ back\tslash \u00e9\u4e2d";
    List<VersionRange> ranges = List.of(new VersionRange(RangeType.ECOSYSTEM,
        List.of(new RangeEvent(EventKind.INTRODUCED, odd))));

    assertThat(RangesJson.readRanges(RangesJson.writeRanges(ranges))).isEqualTo(ranges);
    assertThat(RangesJson.readStrings(RangesJson.writeStrings(List.of(odd, "", "2.0")))).containsExactly(odd, "", "2.0");
    assertThat(RangesJson.readStrings("[]")).isEmpty();
  }

  @Test
  void fieldsInAnotherOrderOrUnknownOnesAreRead() {
    assertThat(RangesJson.readRanges("""
        [{"events":[{"introduced":"0","extra":{"a":[1]}},{"fixed":"1.2"}],"note":[1,{"b":2}],"type":"SEMVER"}]"""))
        .containsExactly(new VersionRange(RangeType.SEMVER,
            List.of(new RangeEvent(EventKind.INTRODUCED, "0"), new RangeEvent(EventKind.FIXED, "1.2"))));
  }

  @Test
  void aCorruptColumnIsRefused() {
    assertThatThrownBy(() -> RangesJson.readRanges("[{\"type\":\"ECOSYSTEM\",\"events\":[{\"fixed\":"))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("corrupt JSON column");
    assertThatThrownBy(() -> RangesJson.readStrings("{\"a\":1}")).isInstanceOf(UncheckedIOException.class);
  }
}
