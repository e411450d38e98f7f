package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.inbox.OddMailCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 46 odd messages of src/test/resources/odd-mail (see its README) put into the real report mailbox of a GreenMail
 * server, followed by three ordinary reports, and read by the real hub over IMAP. Among them are the shapes for which
 * GreenMail sends an unparseable ENVELOPE or BODYSTRUCTURE, which made the consumer fail before the route ran, on
 * every poll (ISSUE-10). Every odd message must end in Processed or Quarantine, once, recorded in the audit trail, never
 * forwarded and never answered; the reports behind them are delivered.
 */
class OddMailEndToEndTest {

    /** The not-a-report shapes (delivery and read reports, auto-replies, bulk and list mail); the rest is quarantined. */
    private static final Set<String> PROCESSED = Set.of("01-dsn-full-original.eml", "02-dsn-delayed-no-auto-headers.eml",
            "03-dsn-unclosed-boundary.eml", "21-read-receipt-mdn.eml", "23-out-of-office-exchange.eml",
            "24-vacation-x-autoreply.eml", "25-precedence-auto-reply.eml", "27-newsletter-precedence-bulk.eml",
            "28-list-digest.eml");
    private static final List<String> NIPS = List.of("197803122003121004", "198505172010012007", "199003222015031002");
    private static final int MESSAGES = OddMailCorpus.ALL.size() + NIPS.size();

    private static TestHub hub;
    private static ImapMailbox imap;
    /** Message-ID (as the file writes it) of each odd message that has one, by file. */
    private static final Map<String, String> MESSAGE_IDS = new HashMap<>();

    @BeforeAll
    static void deliverTheCorpusThenReports(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        imap = hub.imap();
        for (String file : OddMailCorpus.ALL) {
            byte[] raw = OddMailCorpus.bytes(file);
            messageId(raw).ifPresent(id -> MESSAGE_IDS.put(file, id));
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", raw);
        }
        for (int i = 0; i < NIPS.size(); i++) {
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", report(i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (folder("Processed").size() + folder("Quarantine").size() < MESSAGES) {
            assertTrue(System.nanoTime() < deadline, "not every message was filed within 120 s: "
                    + folder("Processed").size() + " processed, " + folder("Quarantine").size() + " quarantined, "
                    + folder("INBOX").size() + " still in INBOX");
            Thread.sleep(100);
        }
        imap.awaitEmpty(TestHub.REPORT_MAILBOX, "INBOX", deadline);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void everyOddMessageIsFiledOnceInTheRightFolder() throws Exception {
        assertTrue(folder("INBOX").isEmpty(), "nothing left behind");
        List<String> processed = folder("Processed");
        List<String> quarantined = folder("Quarantine");
        assertEquals(PROCESSED.size() + NIPS.size(), processed.size(), processed.toString());
        assertEquals(OddMailCorpus.ALL.size() - PROCESSED.size(), quarantined.size(), quarantined.toString());
        for (Map.Entry<String, String> file : MESSAGE_IDS.entrySet()) {
            List<String> expected = PROCESSED.contains(file.getKey()) ? processed : quarantined;
            assertEquals(1, expected.stream().filter(asListedOverImap(file.getValue())::equals).count(),
                    file.getKey() + " in " + (PROCESSED.contains(file.getKey()) ? "Processed" : "Quarantine"));
        }
    }

    @Test
    void everyOddMessageIsInTheAuditTrailAndNoneBecameACase() throws Exception {
        List<AuditEvent> trail = hub.audit();
        // The trail names a message by folder, UID and a pseudonym of its Message-ID (SPEC §8), never by the id itself.
        Set<String> reportSources = new HashSet<>();
        for (int i = 0; i < NIPS.size(); i++) {
            reportSources.add(TestHub.mid(reportId(i)));
        }
        // How each message was filed: REJECTED (Quarantine) or NOTE (Processed); a NOTE that an acknowledgement was
        // withheld (SPEC §3.3) is about the answer, not the filing.
        Map<String, Long> filedPerSource = trail.stream()
                .filter(e -> ("NOTE".equals(e.event().name()) || "REJECTED".equals(e.event().name()))
                        && !e.detail().containsKey("tandaTerima") && !reportSources.contains(TestHub.midOf(e.source())))
                .collect(Collectors.groupingBy(AuditEvent::source, Collectors.counting()));
        assertEquals(OddMailCorpus.ALL.size(), filedPerSource.size(), "one source per odd message: " + filedPerSource.keySet());
        filedPerSource.forEach((source, count) -> assertEquals(1L, count, source + " recorded once"));
        assertEquals(reportSources, trail.stream().filter(e -> "RECEIVED".equals(e.event().name()))
                .map(e -> TestHub.midOf(e.source())).collect(Collectors.toSet()), "only the reports became cases");
    }

    @Test
    void noOddMessageIsForwardedAndTheReportsBehindThemAre() throws Exception {
        List<AuditEvent> delivered = hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name())).toList();
        assertEquals(NIPS.size(), delivered.size(), delivered.toString());
        List<String> caseIds = delivered.stream().map(AuditEvent::caseId).toList();
        for (MimeMessage sent : sentByTheHub("auto-generated")) {
            assertTrue(caseIds.contains(sent.getHeader("X-Netralitas-Case-Id", null)),
                    "an office received " + sent.getSubject());
        }
        assertEquals(NIPS.size(), sentByTheHub("auto-generated").size());
    }

    /**
     * SPEC §3.3: no acknowledgement for what is not a report, nor for a quarantined message that does not even look
     * like one.
     */
    @Test
    void noOddMessageIsAnswered() throws Exception {
        Set<String> reportIds = new HashSet<>();
        for (int i = 0; i < NIPS.size(); i++) {
            reportIds.add(reportId(i));
        }
        List<String> answeredOddMessages = new ArrayList<>();
        for (MimeMessage ack : sentByTheHub("auto-replied")) {
            String inReplyTo = ack.getHeader("In-Reply-To", null);
            if (!reportIds.contains(inReplyTo)) {
                String file = MESSAGE_IDS.entrySet().stream().filter(e -> e.getValue().equals(inReplyTo))
                        .map(Map.Entry::getKey).findFirst().orElse("the message without Message-ID");
                answeredOddMessages.add(file + " -> " + recipients(ack));
            }
        }
        assertEquals(List.of(), answeredOddMessages, "acknowledged odd messages");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Message-IDs from the header text, never from the ENVELOPE (which GreenMail builds unparseable for some). */
    /**
     * A Message-ID as GreenMail (2.1.8) answers a header fetch: each character of a raw UTF-8 header as '?' (the hub
     * fetches whole messages, which come byte for byte). The corpus file's id is read as Latin-1.
     */
    private static String asListedOverImap(String messageId) {
        String utf8 = new String(messageId.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return utf8.codePoints().mapToObj(c -> c < 0x80 ? Character.toString(c) : "?").collect(Collectors.joining());
    }

    private static List<String> folder(String name) throws Exception {
        return imap.headerValues(TestHub.REPORT_MAILBOX, name, "Message-ID");
    }

    /** What the hub sent ({@code Auto-Submitted: auto-generated} to offices, {@code auto-replied} to reporters). */
    private static List<MimeMessage> sentByTheHub(String autoSubmitted) throws Exception {
        List<MimeMessage> sent = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MimeMessage message : hub.mail.greenMail().getReceivedMessages()) {
            String from = message.getHeader("From", null);
            if (from != null && from.contains("netralitas-hub@bawaslu.example")
                    && autoSubmitted.equals(message.getHeader("Auto-Submitted", null))
                    && seen.add(message.getMessageID())) {
                sent.add(message);
            }
        }
        return sent;
    }

    /** As the header says: an address the hub wrote from a broken one need not parse. */
    private static String recipients(MimeMessage message) throws Exception {
        return message.getHeader("To", ",");
    }

    private static java.util.Optional<String> messageId(byte[] raw) {
        for (String line : new String(raw, 0, Math.min(raw.length, 1_000_000), StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "Message-ID:", 0, "Message-ID:".length())) {
                return java.util.Optional.of(line.substring("Message-ID:".length()).strip());
            }
        }
        return java.util.Optional.empty();
    }

    private static String reportId(int i) {
        return "<laporan-setelah-" + i + "@pelapor.example>";
    }

    private static byte[] report(int i) {
        return ("From: Pelapor " + i + " <pelapor" + i + "@pelapor.example>\nTo: " + TestHub.REPORT_MAILBOX + "\n"
                + "Subject: Laporan " + i + "\nDate: Thu, 28 Nov 2024 10:00:00 +0700\nMessage-ID: " + reportId(i) + "\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nNIP Terlapor: " + NIPS.get(i) + "\n"
                + "Tanggal Kejadian: 2024-11-08\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"
                + "Uraian: Terlapor mengajak warga memilih pasangan calon nomor " + (i + 1) + ".\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
