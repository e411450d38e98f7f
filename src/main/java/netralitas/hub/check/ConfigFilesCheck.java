package netralitas.hub.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import netralitas.hub.classify.CatalogueConfigException;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.classify.LegalBases;
import netralitas.hub.followup.Holiday;
import netralitas.hub.followup.HolidayCalendarFile;
import netralitas.hub.followup.HolidayFileException;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.MailSignature;
import netralitas.hub.mail.MailTemplateException;
import netralitas.hub.region.RegionDataException;
import netralitas.hub.region.RegionDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of the config directory a deployer edits, loaded exactly as the hub loads them at start-up: the region
 * directory, the category catalogue, the holidays of the follow-up calendar, and the mail templates rendered with
 * invented sample cases.
 */
final class ConfigFilesCheck {

    static final String CATEGORIES = "categories.yaml";
    static final String TEMPLATES = "templates";

    private final Path home;
    private final Path configDir;
    private final MailSignature signature;
    private RegionDirectory regions;
    private CategoryCatalogue categories;
    private List<Holiday> holidays;

    ConfigFilesCheck(Path home, Path configDir, MailSignature signature) {
        this.home = home;
        this.configDir = configDir;
        this.signature = signature;
    }

    List<CheckProblem> problems() {
        List<CheckProblem> problems = new ArrayList<>();
        regions(problems);
        categories(problems);
        holidays(problems);
        templates(problems);
        return problems;
    }

    /** The directory as loaded by {@link #problems()}; null when it did not load. */
    RegionDirectory regions() {
        return regions;
    }

    /** The catalogue as loaded by {@link #problems()}; null when it did not load. */
    CategoryCatalogue categories() {
        return categories;
    }

    /** The holidays as loaded by {@link #problems()}; null when the file did not load. */
    List<Holiday> holidays() {
        return holidays;
    }

    private void holidays(List<CheckProblem> problems) {
        Path file = configDir.resolve(HolidayCalendarFile.FILE);
        try {
            holidays = HolidayCalendarFile.load(file);
        } catch (HolidayFileException e) {
            e.problems().forEach(p -> problems.add(CheckProblem.inFile(home, p.file(), p.line(), p.text())));
        }
    }

    private void regions(List<CheckProblem> problems) {
        Path file = configDir.resolve(RegionDirectory.REGIONS_FILE);
        try {
            regions = RegionDirectory.inConfig(configDir);
        } catch (RegionDataException e) {
            e.problems().forEach(p -> problems.add(CheckProblem.inFile(home, p.file(), p.line(), p.text())));
        } catch (RuntimeException e) {
            problems.add(CheckProblem.inFile(home, file, 0, "cannot load the region directory: " + oneLine(e.getMessage())));
        }
    }

    private void categories(List<CheckProblem> problems) {
        Path file = configDir.resolve(CATEGORIES);
        try {
            categories = CategoryCatalogue.load(file);
        } catch (CatalogueConfigException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                JsonLocation location = json.getLocation();
                long line = location == null ? 0 : Math.max(0, location.getLineNr());
                problems.add(CheckProblem.inFile(home, file, line, "not valid YAML for the catalogue: "
                        + oneLine(json.getOriginalMessage())));
            } else {
                problems.add(CheckProblem.inFile(home, file, 0, withoutFilePrefix(e.getMessage(), file)));
            }
        } catch (RuntimeException e) {
            problems.add(CheckProblem.inFile(home, file, 0, "cannot load the category catalogue: " + oneLine(e.getMessage())));
        }
    }

    private void templates(List<CheckProblem> problems) {
        Path dir = configDir.resolve(TEMPLATES);
        if (!Files.isDirectory(dir)) {
            problems.add(CheckProblem.inFile(home, dir, 0, "the mail template directory does not exist"));
            return;
        }
        List<MailTemplateException> failures;
        // A broken catalogue is reported on its own; the templates are still checked, citing placeholder law.
        LegalBases legalBases = categories == null ? LegalBases.placeholder() : categories.legalBases();
        try {
            failures = new CaseEmailRenderer(dir, legalBases, signature).selfCheckProblems();
        } catch (RuntimeException e) {
            problems.add(CheckProblem.inFile(home, dir, 0, "cannot read the mail templates: " + oneLine(e.getMessage())));
            return;
        }
        for (MailTemplateException failure : failures) {
            String where = failure.column() > 0 ? " (column " + failure.column() + ")" : "";
            problems.add(CheckProblem.inFile(home, dir.resolve(failure.getTemplateName()), failure.line(),
                    oneLine(failure.problem()) + where));
        }
    }

    /** The loaders start their messages with the file; the problem names it already, with a path relative to home. */
    private static String withoutFilePrefix(String message, Path file) {
        String text = message == null ? "" : message;
        String prefix = file + ": ";
        return oneLine(text.startsWith(prefix) ? text.substring(prefix.length()) : text);
    }

    /** Library messages run over several lines (a YAML excerpt, a tip); the first says what is wrong. */
    static String oneLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(no detail)");
    }
}
