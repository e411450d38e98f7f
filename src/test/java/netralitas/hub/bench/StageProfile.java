package netralitas.hub.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the hub's CPU goes, by pipeline stage: reads the hub's Java Flight Recorder file and puts each CPU sample
 * (jdk.ExecutionSample, Java threads) in the stage of the innermost frame that belongs to one. A sample whose stack
 * holds no stage's frame is Camel's own routing (or the JVM's). Run by bench/load-run.sh --profile.
 */
public final class StageProfile {

    /** Stage, then the class-name prefixes that mark it; the first stage with a matching frame, top of stack first. */
    private static final Map<String, List<String>> STAGES = stages();

    private StageProfile() {
    }

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        stages.put("parse (CSV, NIP, report)", List.of("org.apache.commons.csv.", "netralitas.hub.report.",
                "netralitas.hub.nip.", "netralitas.hub.camel.CsvIntake"));
        stages.put("enrich (BKN HTTP, JSON, cache)", List.of("org.apache.hc.", "org.apache.camel.component.http.",
                "org.apache.camel.http.", "netralitas.hub.bkn.", "netralitas.hub.camel.BknClient",
                "netralitas.hub.camel.BknRecordMerger", "com.fasterxml.jackson.", "com.github.benmanes.caffeine.",
                "io.github.resilience4j."));
        stages.put("classify + route", List.of("netralitas.hub.classify.", "netralitas.hub.region.",
                "netralitas.hub.camel.CaseClassifier", "netralitas.hub.camel.CaseRegionResolver"));
        stages.put("render (FreeMarker, MIME)", List.of("freemarker.", "netralitas.hub.mail.",
                "netralitas.hub.camel.CaseMailComposer", "netralitas.hub.camel.DigestMailComposer",
                "jakarta.mail.internet.", "org.eclipse.angus.mail.util."));
        stages.put("send (SMTP)", List.of("jakarta.mail.", "org.eclipse.angus.", "netralitas.hub.outbox.ReusingMailSender",
                "netralitas.hub.camel.OutgoingMail", "netralitas.hub.outbox.SmtpRefusals"));
        stages.put("audit (trail, counters)", List.of("netralitas.hub.audit.", "netralitas.hub.camel.AuditRecorder",
                "netralitas.hub.camel.CaseCounters", "io.micrometer."));
        stages.put("state (ledger, digest queue: H2)", List.of("org.h2.", "netralitas.hub.camel.CaseLedger",
                "netralitas.hub.cases.", "org.apache.camel.processor.idempotent.jdbc.", "org.springframework.jdbc."));
        stages.put("logging", List.of("org.apache.logging.", "org.slf4j."));
        return stages;
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        Path recording = args.path("jfr");
        double cpuSeconds = Double.parseDouble(args.string("hub-cpu-s", "-1"));
        long cases = args.number("cases", -1);

        Map<String, Long> samples = new LinkedHashMap<>();
        STAGES.keySet().forEach(stage -> samples.put(stage, 0L));
        samples.put("Camel routing, threads, JVM", 0L);
        long total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                samples.merge(stageOf(event.getStackTrace()), 1L, Long::sum);
                total++;
            }
        }
        System.out.printf(Locale.ROOT, "CPU by stage (%,d samples of the hub's Java threads%s):%n", total,
                cpuSeconds > 0 && cases > 0
                        ? String.format(Locale.ROOT, "; hub CPU %.1f s = %.2f s per 1,000 cases", cpuSeconds, cpuSeconds * 1000 / cases)
                        : "");
        String largest = null;
        double largestShare = 0;
        for (Map.Entry<String, Long> entry : samples.entrySet()) {
            double share = total == 0 ? 0 : (double) entry.getValue() / total;
            if (share > largestShare) {
                largestShare = share;
                largest = entry.getKey();
            }
            System.out.printf(Locale.ROOT, "  %-34s %6.1f %%%s%n", entry.getKey(), share * 100,
                    cpuSeconds > 0 && cases > 0
                            ? String.format(Locale.ROOT, "  %6.3f s per 1,000 cases", share * cpuSeconds * 1000 / cases) : "");
        }
        System.out.printf(Locale.ROOT, "largest stage: %s, %.1f %% of the sampled CPU (%s half)%n", largest,
                largestShare * 100, largestShare > 0.5 ? "MORE than" : "not more than");
    }

    static String stageOf(RecordedStackTrace stack) {
        if (stack == null) {
            return "Camel routing, threads, JVM";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (!frame.isJavaFrame() || frame.getMethod() == null) {
                continue;
            }
            String className = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
                for (String prefix : stage.getValue()) {
                    if (className.startsWith(prefix)) {
                        return stage.getKey();
                    }
                }
            }
        }
        return "Camel routing, threads, JVM";
    }
}
