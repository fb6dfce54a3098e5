package dev.customs.core.policy.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.image.ImageConfig.HistoryEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseImageLayersTest {
  private static HistoryEntry layer(String createdBy) {
    return new HistoryEntry(Optional.empty(), createdBy, "", false);
  }

  private static HistoryEntry empty(String createdBy) {
    return new HistoryEntry(Optional.empty(), createdBy, "", true);
  }

  @Test
  void theBaseEndsAtTheLastCmdBelowTheImagesOwnLayers() {
    List<HistoryEntry> history = List.of(
        layer("/bin/sh -c #(nop) ADD file:abc in / "),
        empty("/bin/sh -c #(nop)  CMD [\"bash\"]"),
        layer("RUN /bin/sh -c apt-get install -y curl # buildkit"),
        layer("COPY app.jar /app/ # buildkit"),
        empty("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]"));
    assertThat(BaseImageLayers.guessCount(history)).isEqualTo(1);
  }

  @Test
  void aBaseOfSeveralLayersBuiltWithBuildkit() {
    List<HistoryEntry> history = List.of(
        layer("ADD rootfs.tar.xz / # buildkit"),
        layer("RUN apt-get update # buildkit"),
        empty("CMD [\"/bin/sh\"]"),
        empty("WORKDIR /srv"),
        layer("COPY . /srv # buildkit"));
    assertThat(BaseImageLayers.guessCount(history)).isEqualTo(2);
  }

  @Test
  void noBaseInstructionMeansNoGuessedBase() {
    List<HistoryEntry> history = List.of(layer("debootstrap"), empty("umoci config"), layer("COPY /app"));
    assertThat(BaseImageLayers.guessCount(history)).isZero();
    assertThat(BaseImageLayers.guessCount(List.of(layer("ADD /"), empty("CMD [\"sh\"]")))).isZero();
  }
}
