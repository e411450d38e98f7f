package netralitas.hub.mail;

import java.util.Objects;

/**
 * Who signs the mails to the offices, and how they reach that unit (hub.mail.signature.*): a regional office answers
 * a Bawaslu unit, not a program.
 *
 * @param unit    e.g. "Tim Penanganan Pelanggaran Netralitas, Bawaslu Republik Indonesia"
 * @param address postal address
 * @param phone   telephone number as it is printed
 * @param email   the unit's mailbox
 */
public record MailSignature(String unit, String address, String phone, String email) {

    public MailSignature {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
    }
}
