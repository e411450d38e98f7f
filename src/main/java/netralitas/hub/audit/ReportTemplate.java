package netralitas.hub.audit;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The auditor's report's FreeMarker template, {@code audit-report.html.ftlh} in the hub's {@code config/templates}
 * beside the mail templates (a copy is built into the jar, for a report made from a trail without the hub's
 * configuration), set up as those are (netralitas.hub.mail.CaseEmailRenderer): HTML auto-escaping, so text
 * from the trail can never become markup; no Java reachable from the template. The model holds preformatted text and
 * bounded lists; the timelines are an iterable the template walks once.
 */
public final class ReportTemplate {

    static final String NAME = "audit-report.html.ftlh";
    /** The project's own templates, for a command run from the hub's home and for the tests. */
    public static final Path DEFAULT_DIR = Path.of("config", "templates");

    private final Path dir;

    ReportTemplate(Path dir) {
        this.dir = dir;
    }

    void render(Writer out, Map<String, Object> model) throws IOException {
        try {
            configuration().getTemplate(NAME).process(model, out);
        } catch (TemplateException e) {
            throw new IOException("Audit report template " + where() + ": " + e.getMessageWithoutStackTop(), e);
        }
    }

    /** The deployer's file when there is one, else the copy in the jar (built from the project's config/templates). */
    private String where() {
        return Files.isRegularFile(dir.resolve(NAME)) ? dir.resolve(NAME).toString() : "(built in) " + NAME;
    }

    private Configuration configuration() throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        ClassTemplateLoader builtIn = new ClassTemplateLoader(ReportTemplate.class, "");
        cfg.setTemplateLoader(Files.isRegularFile(dir.resolve(NAME))
                ? new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(dir.toFile()), builtIn})
                : builtIn);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.forLanguageTag("id-ID"));
        cfg.setRecognizeStandardFileExtensions(true);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // The timelines come as an Iterable, built one case at a time while the template writes them.
        wrapper.setIterableSupport(true);
        cfg.setObjectWrapper(wrapper.build());
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAttemptExceptionReporter((exception, env) -> { });
        cfg.setWrapUncheckedExceptions(true);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }
}
