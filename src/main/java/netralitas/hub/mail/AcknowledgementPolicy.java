package netralitas.hub.mail;

import netralitas.hub.inbox.AutomatedAddresses;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailKind;
import netralitas.hub.report.CaseIds;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whether a report email gets an acknowledgement (SPEC §3.3). A public mailbox receives spam, bounces and list mail,
 * often under forged senders: answering them makes Bawaslu's mail server a source of backscatter, and a relay that
 * mails its text to whoever a sender names. So the hub answers only a message that holds, or tries to hold, a report,
 * written by a person (RFC 3834), to the address in its From, no more often than the daily cap per sender, and once:
 * a message read again (the hub stopped before it was moved out of the inbox, or the mailbox holds two copies) is not
 * answered again.
 */
public final class AcknowledgementPolicy {

    private final boolean enabled;
    private final Set<String> ownAddresses;
    private final Predicate<InboundMail> looksLikeAReport;
    private final AcknowledgementQuota quota;
    private final AcknowledgedMail acknowledged;

    /**
     * @param ownAddresses      the hub's own addresses (its sender, the report mailbox): never answered
     * @param looksLikeAReport  whether a message has any sign of a report (a label, a NIP, a region, a category keyword)
     */
    public AcknowledgementPolicy(boolean enabled, Set<String> ownAddresses, Predicate<InboundMail> looksLikeAReport,
                                 AcknowledgementQuota quota, AcknowledgedMail acknowledged) {
        this.enabled = enabled;
        this.ownAddresses = ownAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.looksLikeAReport = Objects.requireNonNull(looksLikeAReport, "looksLikeAReport");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.acknowledged = Objects.requireNonNull(acknowledged, "acknowledged");
    }

    /**
     * Why {@code ack} must not be sent to the sender of {@code mail} (Indonesian, bounded, without the address), or null
     * when it may: then it has been counted against the sender's daily cap. The cap is asked last, so that a message
     * answered for no other reason uses none of it.
     *
     * @param mailSource what the audit trail names the message by (folder, UID, Message-ID pseudonym)
     */
    public String withheld(InboundMail mail, Acknowledgement ack, String mailSource) throws SQLException {
        if (!enabled) {
            return "tanda terima dimatikan (hub.mail.acknowledge=false)";
        }
        if (mail.kind() == MailKind.NOT_A_REPORT) {
            return "bukan laporan (balasan otomatis, bounce atau pesan hub sendiri)";
        }
        if (mail.noReplyReason() != null) {
            return mail.noReplyReason();
        }
        String address = mail.fromAddress();
        if (address == null) {
            return "pengirim tanpa alamat yang dapat dibalas (From)";
        }
        if (AutomatedAddresses.looksAutomated(address)) {
            return "alamat pengirim milik mesin (MAILER-DAEMON, postmaster, no-reply …)";
        }
        if (ownAddresses.contains(address.toLowerCase(Locale.ROOT))) {
            return "alamat pengirim adalah alamat hub sendiri";
        }
        if (ack.outcome() == Acknowledgement.Outcome.NOT_PROCESSED && !looksLikeAReport.test(mail)) {
            return "pesan tidak tampak sebagai laporan (tanpa label laporan, NIP, wilayah atau kata kunci pelanggaran)";
        }
        // The case id of the message's acknowledgement, whatever it tells (a CSV batch's too): the same message has it.
        if (acknowledged.contains(CaseIds.forEmail(mail.sourceId(), mail.sentDate()), mailSource)) {
            return "pesan ini sudah mendapat tanda terima (nomor kasus dan Message-ID yang sama, dibaca ulang),"
                    + " tidak dikirim dua kali";
        }
        if (!quota.tryTake(address)) {
            return "pengirim sudah menerima " + quota.maxPerDay()
                    + " tanda terima hari ini (hub.mail.ack-max-per-sender-per-day)";
        }
        return null;
    }
}
