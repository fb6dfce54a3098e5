package dev.customs.server.assessments;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code customs.images.verdict{verdict=…}}: images by current verdict, counted in the database at scrape time. */
@Component
public class VerdictMetrics {
  public VerdictMetrics(JudgementRepository repository, MeterRegistry metrics) {
    for (String verdict : List.of(Judgement.COMPLIANT, Judgement.NON_COMPLIANT, Judgement.UNKNOWN)) {
      Gauge.builder("customs.images.verdict", repository, r -> r.countByVerdict(verdict)).tag("verdict", verdict)
          .description("images by the verdict of their latest scan (all replicas)").register(metrics);
    }
  }
}
