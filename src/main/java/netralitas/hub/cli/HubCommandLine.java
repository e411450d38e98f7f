package netralitas.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * The hub's conventions on top of picocli, for every command and subcommand: {@code -h}/{@code --help} prints the usage
 * on stdout and exits 0 before any work is done; a usage error is one line on stderr naming the problem and the
 * command's {@code --help}, exit 2; a {@link CommandFailure} is its own line and exit code. A command with subcommands
 * lists each one by its full synopsis.
 */
public final class HubCommandLine {

    /** Exit code of a usage error: the command was called wrongly and did nothing. */
    public static final int USAGE_ERROR = 2;

    private static final int WIDTH = 100;

    private HubCommandLine() {
    }

    public static CommandLine of(Object command, CommandLine.IFactory factory, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(command, factory);
        configure(commandLine);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(LocalDate.class, HubCommandLine::date);
        commandLine.setParameterExceptionHandler((problem, args) -> {
            err.println(oneLine(problem));
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((failure, where, parsed) -> {
            if (failure instanceof CommandFailure known) {
                err.println(known.getMessage());
                return known.exitCode();
            }
            throw failure;
        });
        return commandLine;
    }

    public static CommandLine of(Object command, PrintStream out, PrintStream err) {
        return of(command, CommandLine.defaultFactory(), out, err);
    }

    /** A usage error raised by a command's own checks (one option after another, a value's format). */
    public static ParameterException usageError(CommandSpec spec, String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }

    private static void configure(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        if (!spec.optionsMap().containsKey("--help")) {
            // -h apart and hidden: a short flag would lead the synopsis, before the options that matter.
            spec.addOption(OptionSpec.builder("--help").usageHelp(true).description("Show this help and exit.").build());
            spec.addOption(OptionSpec.builder("-h").usageHelp(true).hidden(true).build());
        }
        spec.usageMessage().sortOptions(false).sortSynopsis(false).width(WIDTH);
        if (!commandLine.getSubcommands().isEmpty()) {
            commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                    HubCommandLine::commandList);
        }
        commandLine.getSubcommands().values().stream().distinct().forEach(HubCommandLine::configure);
    }

    /** Each subcommand as the line one would type, then what it does: the options are part of the choice. */
    private static String commandList(Help help) {
        return help.subcommands().values().stream().distinct()
                .filter(sub -> !sub.commandSpec().usageMessage().hidden()
                        && !(sub.commandSpec().userObject() instanceof CommandLine.HelpCommand))
                .map(sub -> "  " + sub.synopsis(0).stripTrailing().replaceFirst("^Usage: ", "").replaceAll("\\R\\s+", " ")
                        .replaceAll("(--[a-z-]+)=", "$1 ")
                        + System.lineSeparator() + wrapped(String.join(" ", sub.commandSpec().usageMessage().description())
                        .replace("%n", " "), "      "))
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
    }

    private static String wrapped(String text, String indent) {
        StringBuilder lines = new StringBuilder(indent);
        int lineStart = 0;
        for (String word : text.strip().split("\\s+")) {
            if (lines.length() - lineStart + word.length() + 1 > WIDTH && lines.length() - lineStart > indent.length()) {
                lines.append(System.lineSeparator());
                lineStart = lines.length();
                lines.append(indent);
            } else if (lines.length() - lineStart > indent.length()) {
                lines.append(' ');
            }
            lines.append(word);
        }
        return lines.toString();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("must be a date as YYYY-MM-DD, was " + value);
        }
    }

    /** The problem in the hub's words where they say more than picocli's, and where to read how to call the command. */
    private static String oneLine(ParameterException problem) {
        CommandSpec spec = problem.getCommandLine().getCommandSpec();
        String message = problem.getMessage();
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().get(0);
            String subject = spec.name() + " ";
            message = argument.startsWith("-") ? "Unknown " + subject + "option: " + argument.replaceFirst("=.*", "")
                    : !spec.subcommands().isEmpty() ? "Unknown " + subject + "command: " + argument
                    : "Unexpected argument: " + argument;
        } else if (problem instanceof CommandLine.MissingParameterException missing && missing.getMissing().size() == 1) {
            CommandLine.Model.ArgSpec arg = missing.getMissing().get(0);
            if (arg instanceof OptionSpec option) {
                message = message.startsWith("Missing required parameter for option") ? option.longestName()
                        + " needs a value" : spec.name() + " needs " + option.longestName()
                        + (option.typeInfo().isBoolean() ? "" : " " + option.paramLabel());
            } else {
                message = spec.name() + " needs " + arg.paramLabel();
            }
        }
        return message.replaceAll("\\R", " ") + " (try: " + spec.qualifiedName() + " --help)";
    }
}
