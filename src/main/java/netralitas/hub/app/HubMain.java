package netralitas.hub.app;

import netralitas.hub.audit.AuditCommand;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.audit.TrailAccess;
import netralitas.hub.camel.HubDatabase;
import netralitas.hub.embedded.EmbeddedChainKey;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionDirectory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Entry point of {@code java -jar netralitas-hub.jar}: with no argument (or {@code run}) it runs the hub until stopped;
 * {@code audit ...} reads the audit trail without starting any route.
 */
public final class HubMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar netralitas-hub.jar <command>",
            "  run                                            run the hub (the default)",
            "  check                                          validate the configuration; outside embedded mode also",
            "                                                 whether the SMTP, IMAP and BKN servers answer",
            "  route --dry-run <file.csv | message.eml> [--offline]",
            "                                                 what the routes would decide, without sending anything",
            "  audit show | verify | export | stats | report | pseudonym",
            "                                                 read the audit trail (audit help for details)",
            "  replay <case id>… | --all                      put dead-lettered cases back through the pipeline");

    private HubMain() {
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

    /** The one line printed when the hub cannot start: the deepest cause's message, which names the file or setting. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
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
        return new TrailAccess(key.map(ChainKey::of).orElse(null), () -> HubDatabase.readChainHead(dataDir));
    }

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) throws Exception {
        String command = args.isEmpty() ? "run" : args.get(0);
        if (!Files.isRegularFile(home.resolve("config/application.properties"))) {
            err.println("Netralitas Hub cannot start: no config/application.properties under " + home
                    + " (run it from the hub's folder, or set HUB_HOME to that folder)");
            return 2;
        }
        if ((command.equals("run") || command.equals("route")) && !Files.isDirectory(home.resolve("routes"))) {
            err.println("Netralitas Hub cannot start: no routes/ folder under " + home
                    + " (the routes ship beside config/: run it from the hub's folder, or set HUB_HOME to that folder)");
            return 2;
        }
        switch (command) {
            case "run" -> {
                try {
                    Hub.create(home).run();
                    return 0;
                } catch (Exception e) {
                    // A configuration problem is the usual cause: say it, naming the file or setting (one line each).
                    err.println("Netralitas Hub cannot start: " + rootMessage(e));
                    return 1;
                }
            }
            case "audit" -> {
                HubSettings settings = HubSettings.load(home);
                TrailAccess access;
                try {
                    access = trailAccess(settings);
                } catch (IllegalArgumentException e) {
                    err.println("hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY): " + e.getMessage());
                    return 2;
                }
                Path templates = settings.configDir().resolve("templates");
                return new AuditCommand(regionNames(settings), access, templates).run(args.subList(1, args.size()),
                        settings.auditDir(), out, err);
            }
            case "replay" -> {
                HubSettings settings = HubSettings.load(home);
                return new ReplayCommand().run(args.subList(1, args.size()), settings.dataDir().resolve("dead-letter"), out, err);
            }
            case "check" -> {
                return new CheckCommand().run(home, out);
            }
            case "route" -> {
                return new RouteCommand().run(args.subList(1, args.size()), home, out, err);
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
    }
}
