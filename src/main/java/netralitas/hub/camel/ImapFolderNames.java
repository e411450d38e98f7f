package netralitas.hub.camel;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import netralitas.hub.inbox.PersonalNamespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Route {@code read-mail}: the folder a handled message moves to, as the server names it ({@link PersonalNamespace}).
 * The server's namespace is asked once per connection's store (Jakarta Mail keeps the answer); a server that does not
 * answer NAMESPACE keeps its folders at the top.
 */
public final class ImapFolderNames {

    private static final Logger LOG = LoggerFactory.getLogger(ImapFolderNames.class);

    /** What was said, per folder setting and server name, so that the log says it once. */
    private final Map<String, String> said = new ConcurrentHashMap<>();

    /** {@code folder} (a setting's value) as the server of {@code message} names it. */
    public String onServer(Message message, String folder) {
        String named = namespace(message).folder(folder);
        if (!named.equals(folder) && said.putIfAbsent(folder, named) == null) {
            LOG.info("The mail server keeps folders under {}: folder {} is {} there", named.substring(0,
                    named.length() - folder.length()), folder, named);
        }
        return named;
    }

    private static PersonalNamespace namespace(Message message) {
        try {
            Folder[] personal = message.getFolder().getStore().getPersonalNamespaces();
            if (personal.length == 0) {
                return PersonalNamespace.TOP;
            }
            return new PersonalNamespace(personal[0].getFullName(), personal[0].getSeparator());
        } catch (MessagingException | RuntimeException e) {
            return PersonalNamespace.TOP;
        }
    }
}
