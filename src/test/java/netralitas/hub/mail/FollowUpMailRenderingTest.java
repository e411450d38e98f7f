package netralitas.hub.mail;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.followup.BouncedMail;
import netralitas.hub.followup.CaseSummary;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;
import netralitas.hub.followup.ReturnedHubMail;
import netralitas.hub.inbox.FailedRecipient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reminder and the escalation (SPEC §12) from the shipped templates, in Bahasa Indonesia. */
class FollowUpMailRenderingTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant FORWARDED = Instant.parse("2024-09-16T02:00:00Z");
    private static final Instant DUE = Instant.parse("2024-09-30T02:00:00Z");
    private static final Instant NOW = Instant.parse("2024-10-03T03:00:00Z");
    private static final String REPLY = "tindak-lanjut@bawaslu.example";

    private final CaseEmailRenderer renderer = MailFixtures.renderer(Path.of("config/templates"));

    @Test
    void aReminderSaysWhatWasSentWhenTheDeadlinePassedAndHowToAnswer() {
        ViolationCase c = MailFixtures.verifiedCase();
        RenderedEmail mail = renderer.renderReminder(followUp(c, 0), 1, 2, NOW, WIB, REPLY);

        assertEquals("[PENGINGAT] " + SubjectLine.forCase(c), mail.subject());
        for (String body : List.of(mail.text(), mail.html())) {
            assertTrue(body.contains("pengingat ke-1"), body);
            assertTrue(body.contains("NH-20240914-0001"), "the case id");
            assertTrue(body.contains("16 September 2024 pukul 09.00 WIB"), "when it was sent");
            assertTrue(body.contains("30 September 2024 pukul 09.00 WIB"), "the deadline passed");
            assertTrue(body.contains("terlewati 3 hari"), "by how much");
            assertTrue(body.contains("bkpsdm@kepahiang.example"), "to whom it went");
            assertTrue(body.contains("Status: DIPROSES"), "how to answer");
            assertTrue(body.contains("TIDAK TERBUKTI"), "every status");
            assertTrue(body.contains(REPLY), "where to answer");
            assertFalse(body.contains(MailFixtures.REPORTER_NAME), "never the reporter");
        }
        assertTrue(mail.text().contains("paling banyak 2 kali"), mail.text());
        assertTrue(renderer.renderReminder(followUp(c, 1), 2, 2, NOW, WIB, REPLY).text()
                .contains("pengingat terakhir"), "the last one says escalation comes next");
    }

    @Test
    void anEscalationListsTheCaseAndItsHistoryWithTheOfficesWordsEscaped() {
        ViolationCase c = MailFixtures.verifiedCase();
        List<FollowUpEntry> history = List.of(
                new FollowUpEntry(FORWARDED, "FORWARDED", FollowUpStatus.TERKIRIM, null),
                new FollowUpEntry(FORWARDED.plusSeconds(86_400), "FOLLOW_UP", FollowUpStatus.DITERIMA, "<b>segera</b> & diperiksa"),
                new FollowUpEntry(DUE, "REMINDED", null, "pengingat ke-1 kepada bkpsdm@kepahiang.example"));
        RenderedEmail mail = renderer.renderEscalation(followUp(c, 1), history,
                List.of("bawaslu@kepahiang.example", "kanreg7@bkn.example"), false, NOW, WIB, REPLY);

        assertEquals("[ESKALASI] " + SubjectLine.forCase(c), mail.subject());
        assertTrue(mail.text().contains("Sesudah\n1 kali pengingat"), mail.text());
        assertTrue(mail.text().contains("17 September 2024 pukul 09.00 WIB — Tanggapan kantor (DITERIMA): <b>segera</b> & diperiksa"),
                mail.text());
        assertTrue(mail.text().contains("Pengingat: pengingat ke-1"), mail.text());
        assertTrue(mail.text().contains("bawaslu@kepahiang.example, kanreg7@bkn.example"), mail.text());
        assertTrue(mail.html().contains("&lt;b&gt;segera&lt;/b&gt; &amp; diperiksa"), "HTML-escaped");
        assertFalse(mail.html().contains("<b>segera</b>"));
        assertFalse(mail.text().contains(MailFixtures.REPORTER_NAME));
        assertTrue(mail.text().startsWith("Yth. Ketua Bawaslu dan Kepala Kantor Regional BKN"), mail.text());
        assertTrue(renderer.renderEscalation(followUp(c, 1), history, List.of("triase@bawaslu.example"), true, NOW,
                WIB, REPLY).text().startsWith("Yth. Petugas triase Bawaslu"), "a case without a region");
    }

    @Test
    void aBounceNoticeTellsTriageWhichAddressFailedWhyWhatToFixAndWhereTheBounceLies() {
        ViolationCase c = MailFixtures.verifiedCase();
        BouncedMail bounce = new BouncedMail(List.of(followUp(c, 0)), "<" + c.getCaseId() + "@hub.example>",
                new ReturnedHubMail(ReturnedHubMail.Kind.CASE, 0),
                List.of(new FailedRecipient("bkpsdm@kepahiang.example", "5.2.2", "552 5.2.2 <mailbox> full & over quota")));
        BounceLocation location = new BounceLocation("kotak surat laporan", "INBOX.Processed",
                "mailer-daemon@relay.example", "Undelivered Mail Returned to Sender");
        RenderedEmail mail = renderer.renderBounceNotice(bounce, location, NOW, WIB);

        assertEquals("[TIDAK TERKIRIM] " + SubjectLine.forCase(c), mail.subject());
        for (String body : List.of(mail.text(), mail.html())) {
            assertTrue(body.contains("Yth. Petugas triase Bawaslu"), body);
            assertTrue(body.contains("surat kasus"), body);
            assertTrue(body.contains("bkpsdm@kepahiang.example"), "the failed address");
            assertTrue(body.contains("5.2.2"), "the status");
            assertTrue(body.contains("NH-20240914-0001"), "the case");
            assertTrue(body.contains("16 September 2024 pukul 09.00 WIB"), "when it was sent");
            assertTrue(body.contains("config/regions.csv"), "what to fix");
            assertTrue(body.contains("INBOX.Processed"), "where the bounce lies");
            assertTrue(body.contains("3 Oktober 2024 pukul 10.00 WIB"), "when it came back");
            assertFalse(body.contains(MailFixtures.REPORTER_NAME), "never the reporter");
        }
        assertTrue(mail.text().contains("Jawaban server: 552 5.2.2 <mailbox> full & over quota"), mail.text());
        assertTrue(mail.html().contains("552 5.2.2 &lt;mailbox&gt; full &amp; over quota"), "the server's answer, escaped");

        RenderedEmail digest = renderer.renderBounceNotice(new BouncedMail(List.of(followUp(c, 0), followUp(c, 0)),
                "<digest-17.08@hub.example>", new ReturnedHubMail(ReturnedHubMail.Kind.DIGEST, 0), List.of()),
                location, NOW, WIB);
        assertEquals("[TIDAK TERKIRIM] " + SubjectLine.forCase(c) + " (+1 kasus lain)", digest.subject());
        assertTrue(digest.text().contains("ringkasan harian"), digest.text());
        assertTrue(digest.text().contains("Kasus dalam surat ini:"), digest.text());
        assertTrue(digest.text().contains("tidak menyebutkan alamat yang gagal"), digest.text());
    }

    @Test
    void anEscalationListsABouncedMailInTheHistory() {
        ViolationCase c = MailFixtures.verifiedCase();
        List<FollowUpEntry> history = List.of(new FollowUpEntry(FORWARDED, "FORWARDED", FollowUpStatus.TERKIRIM, null),
                new FollowUpEntry(FORWARDED.plusSeconds(60), "BOUNCED", null,
                        "surat kasus tidak terkirim kepada bkpsdm@kepahiang.example (5.1.1)"));
        RenderedEmail mail = renderer.renderEscalation(followUp(c, 2), history,
                List.of("bawaslu@kepahiang.example"), false, NOW, WIB, REPLY);
        assertTrue(mail.text().contains("16 September 2024 pukul 09.01 WIB — Surat tidak terkirim: surat kasus tidak"
                + " terkirim kepada bkpsdm@kepahiang.example (5.1.1)"), mail.text());
    }

    private static FollowUpCase followUp(ViolationCase c, int reminders) {
        return new FollowUpCase(c.getCaseId(), "<" + c.getCaseId() + "@hub.example>", "17.08", "BERAT", null, null,
                List.of("bkpsdm@kepahiang.example", "inspektorat@kepahiang.example"), FORWARDED, DUE,
                reminders == 0 ? FollowUpStatus.TERKIRIM : FollowUpStatus.DITERIMA, null, reminders, DUE, null, null,
                summary(c));
    }

    private static CaseSummary summary(ViolationCase c) {
        return CaseSummaries.of(c, "laporan.csv:2");
    }
}
