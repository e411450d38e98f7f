package netralitas.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The CPU time of a PostgreSQL server on this machine, from /proc: the postmaster, its live processes (a backend per
 * connection, the WAL writer, the checkpointer …) and those that already ended (the postmaster waits for each, so their
 * time is in its cutime and cstime). The postmaster is found as the parent of the backend serving a connection.
 */
final class PostgresCpu {

    private final ProcStats postmaster;
    private final long clockTicksPerSecond;

    private PostgresCpu(ProcStats postmaster, long clockTicksPerSecond) {
        this.postmaster = postmaster;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    static PostgresCpu of(String stateUrl, long clockTicksPerSecond) throws IOException {
        // The backend is asked for its parent while the connection holds it: it ends with the connection.
        try (Connection connection = DriverManager.getConnection(stateUrl, "postgres", null);
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            long backend = row.getLong(1);
            long parent = new ProcStats(backend, clockTicksPerSecond).parentPid();
            if (parent <= 0) {
                throw new IOException("PostgreSQL's backend " + backend + " is not a process of this machine");
            }
            return new PostgresCpu(new ProcStats(parent, clockTicksPerSecond), clockTicksPerSecond);
        } catch (SQLException e) {
            throw new IOException("cannot ask " + stateUrl + " for its backend's pid: " + e.getMessage(), e);
        }
    }

    long postmasterPid() {
        return postmaster.pid();
    }

    /** User + system CPU seconds of the whole server so far; -1 when the postmaster is gone. */
    double cpuSeconds() throws IOException {
        double own = postmaster.cpuSeconds();
        double ended = postmaster.endedChildrenCpuSeconds();
        if (own < 0 || ended < 0) {
            return -1;
        }
        double live = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                ProcStats child = new ProcStats(Long.parseLong(process.getFileName().toString()), clockTicksPerSecond);
                if (child.parentPid() == postmaster.pid()) {
                    live += Math.max(0, child.cpuSeconds());
                }
            }
        }
        return own + ended + live;
    }
}
