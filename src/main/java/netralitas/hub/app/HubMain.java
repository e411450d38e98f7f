package netralitas.hub.app;

import netralitas.hub.audit.AuditCommand;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code java -jar netralitas-hub.jar}: with no argument (or {@code run}) it runs the hub until stopped;
 * {@code audit ...} reads the audit trail without starting any route.
 */
public final class HubMain {

    private HubMain() {
    }

    public static void main(String[] args) throws Exception {
        int exit = run(Arrays.asList(args), HubHome.fromEnvironment(), System.out, System.err);
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

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) throws Exception {
        String command = args.isEmpty() ? "run" : args.get(0);
        if (!Files.isRegularFile(home.resolve("config/application.properties"))) {
            err.println("Netralitas Hub cannot start: no config/application.properties under " + home
                    + " (run it from the hub's folder, or set HUB_HOME to that folder)");
            return 2;
        }
        switch (command) {
            case "run" -> {
                try {
                    Hub.create(home).run();
                    return 0;
                } catch (Exception e) {
                    // A configuration problem is the usual cause: say it in one line, naming the file or setting.
                    err.println("Netralitas Hub cannot start: " + rootMessage(e));
                    return 1;
                }
            }
            case "audit" -> {
                HubSettings settings = HubSettings.load(home);
                return new AuditCommand().run(args.subList(1, args.size()), settings.auditDir(), out, err);
            }
            case "replay" -> {
                HubSettings settings = HubSettings.load(home);
                return new ReplayCommand().run(args.subList(1, args.size()), settings.dataDir().resolve("dead-letter"), out, err);
            }
            default -> {
                err.println("Usage: java -jar netralitas-hub.jar [run | audit show <case id> | audit verify | audit export …"
                        + " | replay <case id>… | replay --all]");
                return 2;
            }
        }
    }
}
