package netralitas.hub.embedded;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import netralitas.hub.followup.FollowUpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Regional offices of the embedded demo that answer the case mails they receive (SPEC §10, §12), as an office's mail
 * client would: a reply to the Reply-To, threaded to the case mail, the status lines on top and the original quoted
 * below (with its own example status lines, which the hub must ignore), sent through the embedded SMTP server. An
 * office answering SELESAI attaches its decree. Each case mail is answered once (flagged \Answered) after a delay,
 * so the demo shows the case waiting first; offices not listed never answer and get reminded, then escalated.
 */
final class DemoOffices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOffices.class);
    private static final DateTimeFormatter QUOTE_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy 'pukul' HH.mm", Locale.forLanguageTag("id-ID"));

    private final EmbeddedMailServer mail;
    private final Map<String, FollowUpStatus> answers;
    private final Duration delay;
    private final Session smtp;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-offices");
        thread.setDaemon(true);
        return thread;
    });

    private DemoOffices(EmbeddedMailServer mail, Map<String, FollowUpStatus> answers, Duration delay) {
        this.mail = mail;
        this.answers = answers;
        this.delay = delay;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.host());
        properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        this.smtp = Session.getInstance(properties);
    }

    /**
     * Starts answering.
     *
     * @param offices hub.embedded.answering-offices: {@code address=STATUS} pairs, comma-separated (empty: none)
     * @param delay   how long after its arrival a case mail is answered
     */
    static DemoOffices start(EmbeddedMailServer mail, String offices, Duration delay) {
        DemoOffices demo = new DemoOffices(mail, parse(offices), delay);
        if (!demo.answers.isEmpty()) {
            demo.schedule.scheduleWithFixedDelay(demo::answerDue, 1, 1, TimeUnit.SECONDS);
            demo.answers.forEach((office, status) -> LOG.info("Embedded mode: office {} answers its case mails {} after {}"
                    + " (hub.embedded.answering-offices)", office, status.label(), delay));
        }
        return demo;
    }

    static Map<String, FollowUpStatus> parse(String offices) {
        Map<String, FollowUpStatus> answers = new LinkedHashMap<>();
        for (String pair : offices.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            FollowUpStatus status = parts.length == 2 ? FollowUpStatus.ofOfficeText(parts[1]).orElse(null) : null;
            if (status == null) {
                throw new IllegalArgumentException("hub.embedded.answering-offices: \"" + pair.strip()
                        + "\" is not address=STATUS (DITERIMA, DIPROSES, SELESAI or TIDAK TERBUKTI)");
            }
            answers.put(parts[0].strip().toLowerCase(Locale.ROOT), status);
        }
        return answers;
    }

    private void answerDue() {
        answers.forEach((office, status) -> {
            try {
                GreenMailUser user = mail.greenMail().getUserManager().getUserByEmail(office);
                if (user == null) {
                    return;
                }
                for (StoredMessage stored : mail.greenMail().getManagers().getImapHostManager().getInbox(user).getNonDeletedMessages()) {
                    if (!stored.isSet(Flags.Flag.ANSWERED) && isCaseMail(stored.getMimeMessage())
                            && stored.getReceivedDate().toInstant().plus(delay).isBefore(Instant.now())) {
                        Transport.send(reply(office, status, stored.getMimeMessage()));
                        stored.setFlag(Flags.Flag.ANSWERED, true);
                        LOG.info("Embedded mode: office {} answered case {} with Status: {}", office,
                                stored.getMimeMessage().getHeader("X-Netralitas-Case-Id", null), status.label());
                    }
                }
            } catch (FolderException | MessagingException | IOException | RuntimeException e) {
                LOG.warn("Embedded mode: office {} could not answer: {}", office, e.toString());
            }
        });
    }

    /** A case mail, not a digest (several cases), a reminder or an escalation. */
    private static boolean isCaseMail(MimeMessage message) throws MessagingException {
        String caseId = message.getHeader("X-Netralitas-Case-Id", null);
        String subject = message.getSubject() == null ? "" : message.getSubject();
        return caseId != null && !caseId.strip().contains(" ") && !subject.startsWith("[PENGINGAT]")
                && !subject.startsWith("[ESKALASI]");
    }

    private MimeMessage reply(String office, FollowUpStatus status, MimeMessage original)
            throws MessagingException, IOException {
        MimeMessage reply = new MimeMessage(smtp);
        reply.setFrom(new InternetAddress(office));
        Address[] replyTo = original.getReplyTo();
        reply.setRecipients(Message.RecipientType.TO, replyTo);
        reply.setSubject("Re: " + original.getSubject(), StandardCharsets.UTF_8.name());
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        reply.setSentDate(new java.util.Date());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(statusLines(status) + "\n" + quoted(original), StandardCharsets.UTF_8.name());
        if (status != FollowUpStatus.SELESAI) {
            reply.setContent(new MimeMultipart(text));
        } else {
            MimeBodyPart decree = new MimeBodyPart();
            decree.setDataHandler(new DataHandler(new ByteArrayDataSource(decreePdf(), "application/pdf")));
            decree.setFileName("SK-hukuman-disiplin.pdf");
            reply.setContent(new MimeMultipart(text, decree));
        }
        reply.saveChanges();
        return reply;
    }

    private static String statusLines(FollowUpStatus status) {
        return switch (status) {
            case SELESAI -> """
                    Status: SELESAI
                    Sanksi: Hukuman disiplin sedang berupa pemotongan tunjangan kinerja 25% selama 6 bulan
                    Keterangan: Terlapor telah diperiksa tim pemeriksa BKPSDM; keputusan PPK terlampir.
                    """;
            case DIPROSES -> """
                    Status: DIPROSES
                    Keterangan: Tim pemeriksa telah dibentuk, terlapor dipanggil untuk diperiksa minggu depan.
                    """;
            default -> "Status: " + status.label() + "\n";
        } + "\nSalam,\nBKPSDM\n";
    }

    /** The original's text part, quoted as Gmail does in Bahasa Indonesia. */
    private static String quoted(MimeMessage original) throws MessagingException, IOException {
        String from = original.getFrom() == null ? "" : original.getFrom()[0].toString();
        String date = original.getSentDate() == null ? ""
                : QUOTE_DATE.format(original.getSentDate().toInstant().atZone(ZoneId.systemDefault()));
        StringBuilder quote = new StringBuilder("Pada ").append(date).append(", ").append(from).append(" menulis:\n");
        for (String line : textOf(original).split("\r?\n", -1)) {
            quote.append("> ").append(line).append('\n');
        }
        return quote.toString();
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textOf(body);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** A one-page PDF standing in for the PPK's decree: enough for a viewer to open it. */
    private static byte[] decreePdf() {
        String content = "BT /F1 14 Tf 72 720 Td (Keputusan PPK: hukuman disiplin - contoh demo) Tj ET";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
                + "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                + "4 0 obj<</Length " + content.length() + ">>stream\n" + content + "\nendstream endobj\n"
                + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
