package netralitas.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and memory of another process, read from Linux {@code /proc/<pid>}. */
final class ProcStats {

    private final long pid;
    private final long clockTicksPerSecond;

    ProcStats(long pid, long clockTicksPerSecond) {
        this.pid = pid;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    boolean alive() {
        return Files.exists(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** User + system CPU seconds so far; -1 when the process is gone. */
    double cpuSeconds() {
        String[] fields = statFields();
        return fields == null ? -1 : ticks(fields, 11, 12);
    }

    /**
     * User + system CPU seconds of the children the process has waited for (cutime + cstime): what its children that
     * already ended used; -1 when the process is gone.
     */
    double endedChildrenCpuSeconds() {
        String[] fields = statFields();
        return fields == null ? -1 : ticks(fields, 13, 14);
    }

    /** The parent's pid; -1 when the process is gone. */
    long parentPid() {
        String[] fields = statFields();
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    long pid() {
        return pid;
    }

    private double ticks(String[] fields, int user, int system) {
        return (double) (Long.parseLong(fields[user]) + Long.parseLong(fields[system])) / clockTicksPerSecond;
    }

    /** The fields of /proc/pid/stat after the command name (field 3 first), or null when the process is gone. */
    private String[] statFields() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name is in parentheses and may itself hold spaces or ')'.
            return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A {@code Vm*} line of /proc/pid/status (VmRSS, VmHWM ...) in kB; -1 when the process is gone. */
    long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
