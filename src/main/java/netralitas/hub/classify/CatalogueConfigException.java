package netralitas.hub.classify;

/** config/categories.yaml cannot be read or breaks a rule; the message names the file and the category. */
public class CatalogueConfigException extends RuntimeException {

    public CatalogueConfigException(String message) {
        super(message);
    }

    public CatalogueConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
