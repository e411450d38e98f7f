package netralitas.hub.mail;

/**
 * A mail template could not be loaded or rendered; names the template so a deployer knows which file to fix, and,
 * when FreeMarker knows it, the place in it ({@link #line()}, {@link #column()}) and the expression to blame.
 */
public class MailTemplateException extends RuntimeException {

    private final String templateName;
    private final int line;
    private final int column;
    private final String expression;
    private final String problem;

    public MailTemplateException(String templateName, String message, Throwable cause) {
        this(templateName, message, cause, 0, 0, null, message);
    }

    /**
     * @param line       1-based, 0 when unknown
     * @param expression the expression FreeMarker blames, or null
     * @param problem    what is wrong, one line, without the template's name or place
     */
    public MailTemplateException(String templateName, String message, Throwable cause, int line, int column,
                                 String expression, String problem) {
        super("Template " + templateName + ": " + message, cause);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
        this.expression = expression;
        this.problem = problem;
    }

    public String getTemplateName() {
        return templateName;
    }

    /** 1-based line in the template, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column in the template, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The expression FreeMarker blames (e.g. {@code reported.nmae}), or null. */
    public String expression() {
        return expression;
    }

    /** What is wrong in one line, without the template's name or place (for a list of configuration problems). */
    public String problem() {
        return problem;
    }
}
