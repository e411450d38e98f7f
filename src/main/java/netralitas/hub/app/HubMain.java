package netralitas.hub.app;

import netralitas.hub.audit.AuditCommand;

import java.io.PrintStream;
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

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) throws Exception {
        String command = args.isEmpty() ? "run" : args.get(0);
        switch (command) {
            case "run" -> {
                Hub.create(home).run();
                return 0;
            }
            case "audit" -> {
                HubSettings settings = HubSettings.load(home);
                return new AuditCommand().run(args.subList(1, args.size()), settings.auditDir(), out, err);
            }
            default -> {
                err.println("Usage: java -jar netralitas-hub.jar [run | audit show <case id> | audit verify]");
                return 2;
            }
        }
    }
}
