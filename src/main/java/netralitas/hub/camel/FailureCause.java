package netralitas.hub.camel;

import netralitas.hub.text.FailureText;

/**
 * Routes {@code hold-mail} and {@code defer}: a failure as their log line names it, its chain of causes included.
 * "MessagingException: Could not convert socket to TLS" alone does not tell an operator that the server's certificate
 * is not trusted; "… <- SunCertPathBuilderException: unable to find valid certification path …" does.
 */
public final class FailureCause {

    static final int MAX_CHARS = 400;

    public String of(Throwable failure) {
        return FailureText.chain(failure, MAX_CHARS);
    }
}
