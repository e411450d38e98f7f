package netralitas.hub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What PostgreSQL did for a load run (load-run.sh --pg-statements), from a server started with pg_stat_statements
 * (BenchPostgres --statements): commits and WAL per 1,000 rows, and the statements that took the most time, each per
 * 1,000 rows. {@code --reset} zeroes the counters when the hub is ready, so that start-up does not count.
 *
 * <pre>PgStatementReport --url URL --reset
 * PgStatementReport --url URL --rows 20000 [--top 30]</pre>
 */
public final class PgStatementReport {

    private PgStatementReport() {
    }

    public static void main(String[] arguments) throws SQLException {
        Args args = new Args(arguments);
        try (Connection connection = DriverManager.getConnection(args.string("url"), "postgres", null);
             Statement sql = connection.createStatement()) {
            if (Boolean.parseBoolean(args.string("reset", "false"))) {
                sql.execute("SELECT pg_stat_statements_reset()");
                sql.execute("SELECT pg_stat_reset()");
                sql.execute("SELECT pg_stat_reset_shared('wal')");
                return;
            }
            print(sql, args.number("rows", 0), (int) args.number("top", 30));
        }
    }

    private static void print(Statement sql, long rows, int top) throws SQLException {
        double perThousand = 1000.0 / rows;
        System.out.printf(Locale.ROOT, "PostgreSQL's work per 1,000 rows (pg_stat_statements, pg_stat_wal, pg_stat_database)%n");
        try (ResultSet db = sql.executeQuery(
                "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            db.next();
            System.out.printf(Locale.ROOT, "  transactions  %,10.0f committed, %,.0f rolled back%n",
                    db.getLong(1) * perThousand, db.getLong(2) * perThousand);
        }
        try (ResultSet wal = sql.executeQuery("SELECT wal_records, wal_fpi, wal_bytes, wal_write, wal_sync FROM pg_stat_wal")) {
            wal.next();
            System.out.printf(Locale.ROOT, "  WAL           %,10.0f records, %,.0f full pages, %,.0f KB, %,.0f writes, %,.0f flushes%n",
                    wal.getLong(1) * perThousand, wal.getLong(2) * perThousand, wal.getDouble(3) / 1024 * perThousand,
                    wal.getLong(4) * perThousand, wal.getLong(5) * perThousand);
        }
        try (ResultSet total = sql.executeQuery("SELECT sum(calls), sum(total_exec_time), sum(total_plan_time) FROM pg_stat_statements")) {
            total.next();
            System.out.printf(Locale.ROOT, "  statements    %,10.0f calls, %,.0f ms executing, %,.0f ms planning%n",
                    total.getLong(1) * perThousand, total.getDouble(2) * perThousand, total.getDouble(3) * perThousand);
        }
        System.out.printf(Locale.ROOT, "  %10s %10s %9s %8s %10s %9s  %s%n", "calls", "exec ms", "mean ms", "rows", "blocks hit", "WAL KB", "statement");
        try (ResultSet statements = sql.executeQuery("""
                SELECT calls, total_exec_time + total_plan_time, rows, shared_blks_hit, wal_bytes, query
                FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT""" + " " + top)) {
            while (statements.next()) {
                long calls = statements.getLong(1);
                double ms = statements.getDouble(2);
                System.out.printf(Locale.ROOT, "  %,10.0f %,10.0f %9.3f %8.1f %,10.0f %,9.0f  %s%n",
                        calls * perThousand, ms * perThousand, ms / calls, statements.getDouble(3) / calls,
                        statements.getLong(4) * perThousand, statements.getDouble(5) / 1024 * perThousand,
                        oneLine(statements.getString(6)));
            }
        }
    }

    private static String oneLine(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() <= 140 ? line : line.substring(0, 137) + "...";
    }
}
