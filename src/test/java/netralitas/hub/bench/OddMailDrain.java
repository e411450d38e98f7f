package netralitas.hub.bench;

import netralitas.hub.inbox.OddMailCorpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 6 (ISSUE-10: the poison loop): N odd messages in the report mailbox — the 46 shapes of
 * src/test/resources/odd-mail in turn, as they are (delivery reports, receipts, list mail, broken MIME, a 10 MB line,
 * the display names that make GreenMail's ENVELOPE unparseable …) — must drain in bounded time with a small log.
 * Beside it, in the same run and on the same machine, the reference: N report messages of benchmark 4. Each drain has
 * its own GreenMail, BKN simulator and hub process. Run it with bench/odd-mail-drain.sh.
 */
public final class OddMailDrain {

    private static final long MAX_LOG_BYTES = 1024 * 1024;

    private OddMailDrain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int count = (int) args.number("messages", 1000);
        Path root = args.path("root");
        Path work = args.path("work");
        String xmx = args.string("xmx", "256m");
        long timeout = args.number("timeout-seconds", 1800);

        MailDrain.Result reference = MailDrain.drain(root, work.resolve("reports"), xmx, MailDrain.reports(count), timeout);
        print("reports (reference)", reference);
        MailDrain.Result odd = MailDrain.drain(root, work.resolve("odd"), xmx, oddMessages(count), timeout);
        print("odd messages", odd);
        System.out.printf("odd/reference: drain time %.2fx, drain CPU %.2fx, log %.2fx; odd log %s 1 MB%n",
                odd.drainSeconds() / reference.drainSeconds(), odd.drainCpuSeconds() / reference.drainCpuSeconds(),
                (double) odd.logBytes() / reference.logBytes(), odd.logBytes() < MAX_LOG_BYTES ? "under" : "OVER");
        System.out.printf("details: work folder %s (reports/ and odd/: hub.log, data/audit)%n", work);
        if (odd.logBytes() >= MAX_LOG_BYTES) {
            System.exit(1);
        }
    }

    /** {@code count} messages of the odd corpus in turn, unchanged (copies of a shape share its Message-ID). */
    static List<byte[]> oddMessages(int count) {
        List<byte[]> shapes = OddMailCorpus.ALL.stream().map(OddMailCorpus::bytes).toList();
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(shapes.get(i % shapes.size()));
        }
        return messages;
    }

    private static void print(String what, MailDrain.Result result) {
        System.out.printf("%-20s %d messages drained in %.1f s after the routes started (%.1f messages/s); %d in"
                        + " Processed, %d in Quarantine; hub CPU %.1f s (%.1f s of it draining, %.1f ms a message);"
                        + " hub log %,d bytes in %,d lines (%d ERROR, %d stack-trace lines)%n",
                what + ":", result.messages(), result.drainSeconds(), result.messages() / result.drainSeconds(),
                result.processed(), result.quarantined(), result.cpuSeconds(), result.drainCpuSeconds(),
                1000 * result.drainCpuSeconds() / result.messages(), result.logBytes(), result.logLines(),
                result.errorLines(), result.stackTraceLines());
    }
}
