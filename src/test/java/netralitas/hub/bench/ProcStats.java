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
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name, which is in parentheses and may itself hold spaces or ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (double) (utime + stime) / clockTicksPerSecond;
        } catch (IOException | RuntimeException e) {
            return -1;
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
