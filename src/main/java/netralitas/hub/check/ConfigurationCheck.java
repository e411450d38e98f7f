package netralitas.hub.check;

import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.followup.Holiday;
import netralitas.hub.mail.MailSignature;
import netralitas.hub.region.RegionDirectory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything about the hub's configuration that can be judged without contacting a partner: the settings the chosen
 * mode needs, and the files of the config directory. Reports every problem found, not only the first, so a deployer
 * fixes them in one pass; {@code check} prints them and the hub refuses to start on them with the same messages.
 */
public final class ConfigurationCheck {

    /** Settings that must be present when the hub talks to real servers (SPEC §2.1). */
    public static final List<String> REQUIRED_OUTSIDE_EMBEDDED = List.of(
            "hub.smtp.host", "hub.smtp.port", "hub.smtp.protocol", "hub.mail.from", "hub.mail.domain",
            "hub.imap.host", "hub.imap.port", "hub.imap.protocol", "hub.imap.username", "hub.imap.password",
            "hub.bkn.base-url", "hub.bkn.token-url", "hub.bkn.consumer-key", "hub.bkn.consumer-secret",
            "hub.routing.triage-inbox", "hub.routing.central-inbox", "hub.audit.reporter-secret", "hub.audit.chain-key");

    private final Path home;
    private final SettingSource settings;
    private final SettingOrigins origins;
    private final boolean embedded;

    /**
     * Where the settings were written is read from this JVM's system properties and the home's
     * config/application.properties.
     *
     * @param home     the hub home; relative settings (hub.config-dir …) are resolved against it
     * @param embedded the value of hub.embedded: whether the embedded servers stand in for the partners
     */
    public ConfigurationCheck(Path home, SettingSource settings, boolean embedded) {
        this(home, settings, SettingOrigins.of(home), embedded);
    }

    /** @param origins where each setting was written: a secret must come from the environment */
    public ConfigurationCheck(Path home, SettingSource settings, SettingOrigins origins, boolean embedded) {
        this.home = home;
        this.settings = settings;
        this.origins = origins;
        this.embedded = embedded;
    }

    /** Every problem found; empty when the configuration is usable. */
    public List<CheckProblem> problems() {
        return run().problems();
    }

    /** The problems, and the risks the deployer accepted ({@code hub.security.allow-insecure=true}). */
    public Findings findings() {
        Result result = run();
        return new Findings(result.problems(), result.warnings());
    }

    /**
     * @param problems reasons to refuse the configuration
     * @param warnings what exposes a secret but was accepted: {@code check} prints them, the hub logs them at start
     */
    public record Findings(List<CheckProblem> problems, List<CheckProblem> warnings) {
    }

    /**
     * For start-up: throws when {@link #problems()} is not empty, with every problem in the message; else the region
     * directory and category catalogue as the check loaded them, so that the hub does not read them a second time.
     */
    public ValidConfiguration requireValid() {
        Result result = run();
        if (!result.problems().isEmpty()) {
            throw new InvalidConfigurationException(result.problems());
        }
        return new ValidConfiguration(result.files().regions(), result.files().categories(), result.files().holidays(),
                result.warnings());
    }

    /**
     * What a configuration without problems holds, loaded and checked.
     *
     * @param holidays config/holidays.csv, for the follow-up calendar (SPEC §12)
     * @param warnings the accepted risks, for the start-up log
     */
    public record ValidConfiguration(RegionDirectory regions, CategoryCatalogue categories, List<Holiday> holidays,
                                     List<CheckProblem> warnings) {
    }

    private record Result(List<CheckProblem> problems, List<CheckProblem> warnings, ConfigFilesCheck files) {
    }

    private Result run() {
        List<CheckProblem> problems = new ArrayList<>(new SettingsCheck(home, settings, embedded).problems());
        List<CheckProblem> warnings = new ArrayList<>();
        if (!embedded) {
            SecretExposureCheck exposure = new SecretExposureCheck(settings, origins);
            (exposure.accepted() ? warnings : problems).addAll(exposure.findings());
        }
        Optional<ConfigFilesCheck> files = configDir(problems).map(dir -> new ConfigFilesCheck(home, dir, signature()));
        files.ifPresent(check -> problems.addAll(check.problems()));
        return new Result(List.copyOf(problems), List.copyOf(warnings), files.orElse(null));
    }

    /** The signature the templates are checked with; a missing part is reported by the settings check, not here. */
    private MailSignature signature() {
        return new MailSignature(setting("hub.mail.signature.unit"), setting("hub.mail.signature.address"),
                setting("hub.mail.signature.phone"), setting("hub.mail.signature.email"));
    }

    private String setting(String key) {
        return settings.get(key).map(String::strip).filter(v -> !v.isEmpty()).orElse("-");
    }

    /** The config directory, when the setting names one that exists (the hub's files are checked only then). */
    private Optional<Path> configDir(List<CheckProblem> problems) {
        Optional<String> value = settings.get("hub.config-dir").map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path dir;
        try {
            dir = home.resolve(value.get()).normalize();
        } catch (InvalidPathException e) {
            problems.add(CheckProblem.setting("hub.config-dir", CheckProblem.quoted(value.get()) + " is not a path"));
            return Optional.empty();
        }
        if (!Files.isDirectory(dir)) {
            problems.add(CheckProblem.setting("hub.config-dir",
                    "directory " + CheckProblem.relativeTo(home, dir) + " does not exist"));
            return Optional.empty();
        }
        return Optional.of(dir);
    }
}
