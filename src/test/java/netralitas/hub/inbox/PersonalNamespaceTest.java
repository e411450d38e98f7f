package netralitas.hub.inbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonalNamespaceTest {

    @Test
    void aServerThatKeepsFoldersAtTheTopNamesThemAsTheSettingsDo() {
        assertEquals("Processed", PersonalNamespace.TOP.folder("Processed"));
        assertEquals("Processed", new PersonalNamespace("", '.').folder("Processed"));
    }

    @Test
    void aServerThatKeepsThemUnderTheInboxNamesThemThere() {
        PersonalNamespace cpanel = new PersonalNamespace("INBOX", '.');
        assertEquals("INBOX.Processed", cpanel.folder("Processed"));
        assertEquals("INBOX.Quarantine", cpanel.folder("Quarantine"));
        assertEquals("INBOX.Processed", cpanel.folder("INBOX.Processed"), "a setting that names it so already");
        assertEquals("INBOX", cpanel.folder("INBOX"));
        assertEquals("inbox", cpanel.folder("inbox"), "the inbox, whatever its case");
        assertEquals("INBOX/Arsip", new PersonalNamespace("INBOX", '/').folder("Arsip"));
    }
}
