package netralitas.hub.inbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MailboxUidTest {

    @Test
    void writtenAsAnImapUrlAndReadBack() {
        MailboxUid uid = new MailboxUid("INBOX", 385759045L, 20L);
        assertEquals("INBOX;UIDVALIDITY=385759045;UID=20", uid.toString());
        assertEquals(uid, MailboxUid.parse(uid.toString()));
        assertEquals(new MailboxUid("Laporan;Masuk", 1L, 2L), MailboxUid.parse("Laporan;Masuk;UIDVALIDITY=1;UID=2"));
    }

    @Test
    void aMessageOfTheFollowUpMailboxIsNamedApartFromTheSameUidOfTheReportMailbox() {
        MailboxUid reply = new MailboxUid(MailboxUid.FOLLOW_UP, "INBOX", 385759045L, 20L);
        assertEquals("INBOX;UIDVALIDITY=385759045;UID=20;MAILBOX=followup", reply.toString());
        assertEquals(reply, MailboxUid.parse(reply.toString()));
        assertNotEquals(new MailboxUid("INBOX", 385759045L, 20L), reply);
        assertEquals(new MailboxUid(MailboxUid.FOLLOW_UP, "A;UID=1", 1L, 2L),
                MailboxUid.parse("A;UID=1;UIDVALIDITY=1;UID=2;MAILBOX=followup"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MailboxUid.parse("INBOX;UIDVALIDITY=1;UID=2;MAILBOX=other"));
        assertThrows(IllegalArgumentException.class, () -> MailboxUid.parse("<lap-01@pelapor.example>"));
        assertThrows(IllegalArgumentException.class, () -> MailboxUid.parse("INBOX;UID=2;UIDVALIDITY=1"));
    }
}
