package netralitas.hub.app;

import netralitas.hub.audit.ChainHeadTable;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.audit.HeadLookup;
import netralitas.hub.audit.TrailAccess;
import netralitas.hub.audit.TrailLines;
import netralitas.hub.cli.CommandFailure;
import netralitas.hub.cli.HubCommandLine;
import netralitas.hub.embedded.EmbeddedChainKey;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.settings.HubSettings;
import netralitas.hub.state.EmbeddedStateFile;
import netralitas.hub.state.StateStore;
import netralitas.hub.text.FailureText;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Entry point of {@code java -jar netralitas-hub.jar}: with no argument (or {@code run}) it runs the hub until stopped;
 * the subcommands check the configuration, dry-run the routes, read the audit trail or replay dead letters. Every
 * command answers {@code --help} without needing the hub's folder.
 */
@Command(name = "netralitas-hub",
        description = "Netralitas Hub: carries reports of ASN neutrality violations to the office that must act on them.",
        subcommands = {CheckCommand.class, RouteCommand.class, AuditCommand.class, ReplayCommand.class,
                AutoComplete.GenerateCompletion.class},
        footer = {"The hub's folder (config/, routes/, data/) is the working folder, or HUB_HOME.",
                "Run `java -jar netralitas-hub.jar <command> --help` for a command's options."})
public final class HubMain implements Callable<Integer> {

    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    /** The hub of the working folder (or HUB_HOME), printing to the console; what the completion generator reads. */
    public HubMain() {
        this(HubHome.fromEnvironment(), System.out, System.err);
    }

    private HubMain(Path home, PrintStream out, PrintStream err) {
        this.home = home;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        Path home = HubHome.fromEnvironment();
        try {
            LogFormat.apply(home);
        } catch (IllegalArgumentException e) {
            System.err.println("Netralitas Hub cannot start: " + e.getMessage());
            System.exit(2);
        }
        int exit = run(Arrays.asList(args), home, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
        HubMain hub = new HubMain(home, out, err);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == AuditCommand.class ? type.cast(new AuditCommand(hub::trailSource, out, err))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        return HubCommandLine.of(hub, factory, out, err).execute(args.toArray(String[]::new));
    }

    /** No command: run the hub, as {@code run} does. */
    @Override
    public Integer call() {
        return runHub();
    }

    @Command(name = "run", description = "run the hub until stopped (the default)")
    int runHub() {
        Path routed = routedHome();
        try {
            Hub.create(routed).run();
            return 0;
        } catch (Exception e) {
            // A configuration problem is the usual cause: say it, naming the file or setting (one line each).
            err.println("Netralitas Hub cannot start: " + FailureText.rootMessage(e));
            return 1;
        }
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The hub's folder, once it is known to hold the configuration. */
    Path configuredHome() {
        if (!Files.isRegularFile(home.resolve("config/application.properties"))) {
            throw new CommandFailure(2, "Netralitas Hub cannot start: no config/application.properties under " + home
                    + " (run it from the hub's folder, or set HUB_HOME to that folder)");
        }
        return home;
    }

    /** The hub's folder, once it is known to hold the configuration and the routes. */
    Path routedHome() {
        configuredHome();
        if (!Files.isDirectory(home.resolve("routes"))) {
            throw new CommandFailure(2, "Netralitas Hub cannot start: no routes/ folder under " + home
                    + " (the routes ship beside config/: run it from the hub's folder, or set HUB_HOME to that folder)");
        }
        return home;
    }

    HubSettings settings() {
        return HubSettings.load(configuredHome());
    }

    private AuditCommand.TrailSource trailSource() {
        HubSettings settings = settings();
        if (settings.optional("hub.state.url").isPresent()) {
            return storeTrailSource(settings);
        }
        TrailAccess access;
        try {
            access = trailAccess(settings);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(2, "hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY): " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditCommand.TrailSource(settings.auditDir(), regionNames(settings), access,
                settings.configDir().resolve("templates"));
    }

    /**
     * PostgreSQL mode (SPEC §11): the cluster's one trail is the state store's table, its head the row beside it, both
     * read while the hubs run. The chain key is hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY).
     */
    private AuditCommand.TrailSource storeTrailSource(HubSettings settings) {
        ChainKey key;
        try {
            key = settings.optional("hub.audit.chain-key").map(ChainKey::of).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(2, "hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY): " + e.getMessage());
        }
        StateStore store;
        try {
            store = StateStore.open(settings);
        } catch (RuntimeException e) {
            throw new CommandFailure(1, "Cannot read the audit trail: " + FailureText.rootMessage(e));
        }
        DataSource database = store.dataSource();
        TrailAccess access = new TrailAccess(key, () -> {
            try {
                return HeadLookup.of(new ChainHeadTable(database, Clock.systemUTC()));
            } catch (IllegalStateException e) {
                return HeadLookup.unavailable(e.getMessage());
            }
        });
        return new AuditCommand.TrailSource(TrailLines.inStore(database, store.location(), store::close),
                regionNames(settings), access, settings.configDir().resolve("templates"));
    }

    /**
     * The trail records region codes; the report names them from the region directory. An auditor must be able to
     * read the trail even when the directory does not load (a broken deployment): then the codes stand alone.
     */
    private static Function<String, String> regionNames(HubSettings settings) {
        try {
            RegionDirectory directory = RegionDirectory.inConfig(settings.configDir());
            return code -> directory.byCode(code).map(Region::name).orElse(null);
        } catch (RuntimeException e) {
            return code -> null;
        }
    }

    /**
     * The chain key from hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY), or in embedded mode the one the hub generated under
     * hub.data-dir; and the head from the state store, read-only.
     */
    private static TrailAccess trailAccess(HubSettings settings) throws java.io.IOException {
        Optional<String> key = settings.optional("hub.audit.chain-key");
        if (key.isEmpty() && settings.optional("hub.embedded").map(Boolean::parseBoolean).orElse(false)) {
            key = EmbeddedChainKey.existing(settings.dataDir());
        }
        Path dataDir = settings.dataDir();
        return new TrailAccess(key.map(ChainKey::of).orElse(null), () -> EmbeddedStateFile.readChainHead(dataDir));
    }
}
