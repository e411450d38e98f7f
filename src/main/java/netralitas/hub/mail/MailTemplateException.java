package netralitas.hub.mail;

/** A mail template could not be loaded or rendered; names the template so a deployer knows which file to fix. */
public class MailTemplateException extends RuntimeException {

    private final String templateName;

    public MailTemplateException(String templateName, String message, Throwable cause) {
        super("Template " + templateName + ": " + message, cause);
        this.templateName = templateName;
    }

    public String getTemplateName() {
        return templateName;
    }
}
