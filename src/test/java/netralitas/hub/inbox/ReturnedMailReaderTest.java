package netralitas.hub.inbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Bounces as the mail servers an office or a relay runs write them, read for the mail that came back and the
 * recipients it failed to: Postfix, Exchange Online, Gmail, Exim (RFC 3464 and its old text form), qmail, an SMTPUTF8
 * report (RFC 6533); and what is no bounce of a failed mail: a delay warning, a read receipt, an out-of-office reply.
 */
class ReturnedMailReaderTest {

    private static final String CASE_MAIL = "<NH-20241111-7K3M9Q2P@netralitas.bawaslu.example>";
    private static final String BOUNDARY = "b-1";

    @Test
    void postfixReturnsTheWholeMailAndNamesTheRecipientWithItsStatusAndTheServersAnswer() {
        ReturnedMail returned = read(report("Return-Path: <>\r\nFrom: MAILER-DAEMON@relay.example (Mail Delivery System)\r\n",
                part("text/plain; charset=us-ascii", "I'm sorry to have to inform you that your message could not\r\n"
                        + "be delivered to one or more recipients.\r\n"),
                part("message/delivery-status", "Reporting-MTA: dns; relay.example\r\nX-Postfix-Queue-ID: 4XkQ\r\n\r\n"
                        + "Final-Recipient: rfc822; bkpsdm@kab.example\r\nOriginal-Recipient: rfc822;bkpsdm@kab.example\r\n"
                        + "Action: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.kab.example\r\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 <bkpsdm@kab.example>: Recipient address\r\n"
                        + "    rejected: User unknown in virtual mailbox table\r\n"),
                part("message/rfc822", "From: Netralitas Hub <netralitas-hub@bawaslu.example>\r\nTo: bkpsdm@kab.example\r\n"
                        + "Message-ID: " + CASE_MAIL + "\r\nSubject: [NETRALITAS ASN][BERAT] ...\r\n"
                        + "Content-Type: text/plain\r\n\r\nYth. BKPSDM\r\n")));
        assertEquals(CASE_MAIL, returned.messageId());
        assertEquals(List.of(), returned.answered());
        assertEquals(List.of(new FailedRecipient("bkpsdm@kab.example", "5.1.1",
                "550 5.1.1 <bkpsdm@kab.example>: Recipient address rejected: User unknown in virtual mailbox table")),
                returned.recipients());
    }

    @Test
    void exchangeOnlineReturnsTheHeadersOnlyBehindAnHtmlNotice() {
        ReturnedMail returned = read(report("From: Microsoft Outlook <postmaster@pemda.onmicrosoft.example>\r\n",
                "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\nContent-Type: text/plain\r\n\r\n"
                        + "Your message to bkpsdm@kab.example couldn't be delivered.\r\n--alt\r\nContent-Type: text/html\r\n\r\n"
                        + "<p>Your message couldn't be delivered.</p>\r\n--alt--\r\n",
                part("message/delivery-status", "Reporting-MTA: dns;SG2PR01MB1234.apcprd01.prod.outlook.example\r\n"
                        + "Received-From-MTA: dns;SG2PR01MB1234\r\n\r\nFinal-recipient: RFC822; BKPSDM@Kab.Example\r\n"
                        + "Action: failed\r\nStatus: 5.1.10\r\n"
                        + "Diagnostic-code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP"
                        + " address lookup\r\n"),
                part("text/rfc822-headers", "Message-ID: <reminder-2-NH-20241111-7K3M9Q2P@netralitas.bawaslu.example>\r\n"
                        + "In-Reply-To: " + CASE_MAIL + "\r\nReferences: <first@x.example>\r\n " + CASE_MAIL + "\r\n"
                        + "Subject: [PENGINGAT] ...\r\n")));
        assertEquals("<reminder-2-NH-20241111-7K3M9Q2P@netralitas.bawaslu.example>", returned.messageId());
        assertEquals(List.of(CASE_MAIL, "<first@x.example>"), returned.answered(), "In-Reply-To, then References nearest first");
        assertEquals(List.of(new FailedRecipient("bkpsdm@kab.example", "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound;"
                + " Recipient not found by SMTP address lookup")), returned.recipients());
    }

    @Test
    void ofSeveralRecipientsOnlyTheFailedOnesAreKept() {
        ReturnedMail returned = read(report("From: Mail Delivery Subsystem <mailer-daemon@googlemail.example>\r\n",
                part("text/plain", "Address not found\r\n"),
                part("message/delivery-status", "Reporting-MTA: dns; googlemail.example\r\n\r\n"
                        + "Final-Recipient: rfc822; inspektorat@kab.example\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n"
                        + "Final-Recipient: rfc822; bkpsdm@kab.example\r\nAction: failed\r\nStatus: 5.2.2\r\n"
                        + "Diagnostic-Code: smtp; 552-5.2.2 The recipient's inbox is out of storage space.\r\n\r\n"
                        + "Final-Recipient: rfc822; kanreg@bkn.example\r\nAction: delayed\r\nStatus: 4.4.1\r\n"),
                part("message/rfc822", "Message-ID: " + CASE_MAIL + "\r\n\r\nbody\r\n")));
        assertEquals(List.of("bkpsdm@kab.example"), returned.recipients().stream().map(FailedRecipient::address).toList());
        assertEquals("5.2.2", returned.recipients().get(0).status());
    }

    @Test
    void anSmtputf8ReportIsReadLikeAnyOther() {
        ReturnedMail returned = read(report("Return-Path: <>\r\nFrom: MAILER-DAEMON@relay.example\r\n",
                part("text/plain; charset=utf-8", "Surat tidak dapat diantar.\r\n"),
                part("message/global-delivery-status", "Reporting-MTA: dns; relay.example\r\n\r\n"
                        + "Final-Recipient: utf-8; kepegawaian@kab.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"),
                part("message/global", "Message-ID: " + CASE_MAIL + "\r\nSubject: x\r\n\r\nbody\r\n")));
        assertEquals(CASE_MAIL, returned.messageId());
        assertEquals("kepegawaian@kab.example", returned.recipients().get(0).address());
    }

    @Test
    void qmailAndOldEximQuoteTheReturnedHeadersInTheirText() {
        ReturnedMail qmail = read(("Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.kab.example\r\nSubject: failure notice\r\n"
                + "Message-ID: <q@mx.kab.example>\r\n\r\nHi. This is the qmail-send program at mx.kab.example.\r\n"
                + "<bkpsdm@kab.example>:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n\r\n"
                + "--- Below this line is a copy of the message.\r\n\r\nReturn-Path: <laporan@bawaslu.example>\r\n"
                + "Message-ID: " + CASE_MAIL + "\r\nSubject: x\r\n\r\nYth. BKPSDM\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(CASE_MAIL, qmail.messageId());
        assertEquals(List.of(), qmail.recipients(), "no RFC 3464 report: the recipients are not read from prose");

        ReturnedMail exim = read(("From: Mail Delivery System <Mailer-Daemon@mx.kab.example>\r\n"
                + "Subject: Mail delivery failed: returning message to sender\r\nMessage-Id: <e@mx.kab.example>\r\n\r\n"
                + "This message was created automatically by mail delivery software.\r\n\r\n  bkpsdm@kab.example\r\n"
                + "    mailbox is full: retry timeout exceeded\r\n\r\n"
                + "------ This is a copy of the message, including all the headers. ------\r\n\r\n"
                + "Message-Id: <escalation-NH-20241111-7K3M9Q2P@netralitas.bawaslu.example>\r\n"
                + "In-Reply-To: " + CASE_MAIL + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals("<escalation-NH-20241111-7K3M9Q2P@netralitas.bawaslu.example>", exim.messageId());
        assertEquals(List.of(CASE_MAIL), exim.answered());
    }

    @Test
    void aDelayWarningIsNoFailure() {
        assertNull(read(report("Return-Path: <>\r\nFrom: MAILER-DAEMON@relay.example\r\n",
                part("text/plain", "Delayed Mail (still being retried)\r\n"),
                part("message/delivery-status", "Reporting-MTA: dns; relay.example\r\n\r\n"
                        + "Final-Recipient: rfc822; bkpsdm@kab.example\r\nAction: delayed\r\nStatus: 4.4.1\r\n"
                        + "Will-Retry-Until: Wed, 13 Nov 2024 10:00:01 +0700\r\n"),
                part("text/rfc822-headers", "Message-ID: " + CASE_MAIL + "\r\n"))));
    }

    @Test
    void aReadReceiptIsNoBounce() {
        byte[] mdn = ("From: bkpsdm@kab.example\r\nSubject: Dibaca: [NETRALITAS ASN]\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"" + BOUNDARY + "\"\r\n\r\n"
                + part("text/plain", "Pesan Anda telah dibaca.\r\n")
                + part("message/disposition-notification", "Final-Recipient: rfc822; bkpsdm@kab.example\r\n"
                        + "Original-Message-ID: " + CASE_MAIL + "\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n")
                + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        assertNull(read(mdn));
    }

    @Test
    void anOutOfOfficeReplyThatAnswersTheCaseMailIsNoBounce() {
        assertNull(read(("Return-Path: <>\r\nFrom: bkpsdm@kab.example\r\nAuto-Submitted: auto-replied\r\n"
                + "In-Reply-To: " + CASE_MAIL + "\r\nSubject: Balasan otomatis: [NETRALITAS ASN]\r\n\r\n"
                + "Saya sedang cuti sampai 25 November 2024.\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aBounceWhoseReturnedMailHasNoMessageIdNamesNothing() {
        assertNull(read(report("Return-Path: <>\r\nFrom: MAILER-DAEMON@relay.example\r\n",
                part("message/delivery-status", "Reporting-MTA: dns; relay.example\r\n\r\n"
                        + "Final-Recipient: rfc822; bkpsdm@kab.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"),
                part("text/rfc822-headers", "Subject: tanpa Message-ID\r\n"))));
    }

    private static ReturnedMail read(byte[] raw) {
        InboundMail mail = MailCorpus.reader().read(raw);
        assertEquals(MailKind.NOT_A_REPORT, mail.kind(), mail.kindReason());
        return mail.returnedMail();
    }

    private static byte[] report(String headers, String... parts) {
        StringBuilder mail = new StringBuilder(headers).append("To: laporan@bawaslu.example\r\n")
                .append("Subject: Undelivered Mail Returned to Sender\r\nDate: Mon, 11 Nov 2024 10:00:02 +0700\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"")
                .append(BOUNDARY).append("\"\r\n\r\nThis is a MIME-encapsulated message.\r\n\r\n");
        for (String part : parts) {
            mail.append(part.startsWith("--") ? part : "--" + BOUNDARY + "\r\n" + part);
        }
        return mail.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One part of the report: its Content-Type and content. */
    private static String part(String contentType, String content) {
        return "--" + BOUNDARY + "\r\nContent-Type: " + contentType + "\r\n\r\n" + content + "\r\n";
    }
}
