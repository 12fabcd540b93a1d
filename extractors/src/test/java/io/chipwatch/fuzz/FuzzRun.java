package io.chipwatch.fuzz;

import io.chipwatch.fuzz.HostileInputs.Input;
import io.chipwatch.fuzz.HostileInputs.Kind;
import io.chipwatch.nlp.NlpAnalyzer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The long fuzz run behind {@code scripts/fuzz.sh MINUTES}: hostile inputs (runs up to a
 * million chars) through the extractors until the time is up, one at a time on a worker thread
 * with the JVM's default stack, each with a watchdog. Prints the inputs run, crashes (anything
 * thrown but {@code ExtractionException}, or a broken invariant), hangs, records lost, the
 * slowest input by CPU and by wall time, and the peak heap; writes every crashing input to the
 * output folder with its seed so that it can be replayed. Exits 1 when anything crashed.
 *
 * <p>Usage: {@code FuzzRun MINUTES [OUT_DIR] [FIRST_SEED] [STRIDE]}: the seeds run are FIRST_SEED,
 * FIRST_SEED + STRIDE, …, so that several JVMs started with consecutive first seeds and the same
 * stride run disjoint inputs ({@code scripts/fuzz.sh} does so). The last line of the output,
 * {@code totals …}, carries the figures in a form that such runs can be summed from.
 */
public final class FuzzRun {

    private static final long WATCHDOG_SECONDS = 60;
    private static final long SLOW_NANOS = 1_000_000_000L;
    private static final int MAX_RUN_CHARS = 1_000_000;

    private FuzzRun() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(args[0]);
        Path out = Path.of(args.length > 1 ? args[1] : "target/fuzz");
        long firstSeed = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
        int stride = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Files.createDirectories(out);
        System.exit(run(minutes, out, firstSeed, stride));
    }

    private record Timed(FuzzTarget.Outcome outcome, Throwable crash, long cpuNanos, long wallNanos) {
    }

    static int run(double minutes, Path out, long firstSeed, int stride) throws IOException, InterruptedException {
        HostileInputs inputs = new HostileInputs(Seeds.load(), MAX_RUN_CHARS);
        FuzzTarget target = new FuzzTarget(NlpAnalyzer.withDefaults());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService worker = newWorker();
        long end = System.nanoTime() + (long) (minutes * 60e9);
        long started = System.nanoTime();
        long lastReport = started;
        long count = 0;
        long records = 0;
        long refused = 0;
        long crashes = 0;
        long hangs = 0;
        long overCpu = 0;
        long overWall = 0;
        long heapPeak = 0;
        long slowestCpu = -1;
        long slowestWall = -1;
        String slowestCpuInput = "";
        String slowestWallInput = "";
        java.util.Map<Kind, long[]> perKind = new java.util.EnumMap<>(Kind.class);
        java.util.Map<Kind, String> slowestOfKind = new java.util.EnumMap<>(Kind.class);
        Kind[] kinds = {Kind.HTML, Kind.HTML, Kind.TEXT, Kind.TEXT, Kind.QUANTITY, Kind.PERIOD};
        System.out.printf("fuzz: %.1f min, first seed %d, max heap %d MB, crashes to %s%n",
                minutes, firstSeed, Runtime.getRuntime().maxMemory() >> 20, out.toAbsolutePath());
        for (long seed = firstSeed; System.nanoTime() < end; seed += stride) {
            Random random = new Random(seed);
            Input input = inputs.next(kinds[random.nextInt(kinds.length)], random);
            java.util.concurrent.atomic.AtomicLong workerThread = new java.util.concurrent.atomic.AtomicLong(-1);
            long[] cpuAtStart = {0};
            Future<Timed> future = worker.submit(() -> {
                long c0 = threads.getCurrentThreadCpuTime();
                cpuAtStart[0] = c0;
                workerThread.set(Thread.currentThread().getId());
                long w0 = System.nanoTime();
                FuzzTarget.Outcome outcome = null;
                Throwable crash = null;
                try {
                    outcome = target.run(input);
                } catch (Throwable t) {
                    crash = t;
                }
                return new Timed(outcome, crash, threads.getCurrentThreadCpuTime() - c0, System.nanoTime() - w0);
            });
            count++;
            String name = "seed " + seed + " " + input.recipe() + " (" + input.size() + (input.bytes() != null ? " bytes)" : " chars)");
            Timed t;
            try {
                t = awaitUnlessHung(future, threads, workerThread, cpuAtStart);
            } catch (TimeoutException e) {
                hangs++;
                save(out, seed, input, "hang: over " + WATCHDOG_SECONDS + " s of CPU");
                System.out.println("HANG " + name);
                future.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                continue;
            } catch (ExecutionException e) {
                t = new Timed(null, e.getCause(), 0, 0);
            }
            if (t.crash() != null) {
                crashes++;
                save(out, seed, input, t.crash().toString());
                System.out.println("CRASH " + name + ": " + t.crash());
                if (t.crash() instanceof OutOfMemoryError) {
                    break;
                }
                continue;
            }
            heapPeak = Math.max(heapPeak, peakHeap());
            records++;
            refused += t.outcome().refused() ? 1 : 0;
            if (t.cpuNanos() > SLOW_NANOS) {
                overCpu++;
                System.out.printf("SLOW %.3f s CPU %s%n", t.cpuNanos() / 1e9, name);
            }
            overWall += t.wallNanos() > SLOW_NANOS ? 1 : 0;
            long[] k = perKind.computeIfAbsent(input.kind(), x -> new long[4]); // inputs, max CPU, max wall, total CPU
            k[0]++;
            if (t.cpuNanos() > k[1]) {
                k[1] = t.cpuNanos();
                slowestOfKind.put(input.kind(), name);
            }
            k[2] = Math.max(k[2], t.wallNanos());
            k[3] += t.cpuNanos();
            if (t.cpuNanos() > slowestCpu) {
                slowestCpu = t.cpuNanos();
                slowestCpuInput = name;
            }
            if (t.wallNanos() > slowestWall) {
                slowestWall = t.wallNanos();
                slowestWallInput = name;
            }
            if (System.nanoTime() - lastReport > 30e9) {
                lastReport = System.nanoTime();
                System.out.printf("fuzz: %d inputs, %d crashes, %d hangs, %.0f s, peak heap %d MB%n",
                        count, crashes, hangs, (lastReport - started) / 1e9, heapPeak >> 20);
            }
        }
        worker.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nfuzz summary%n");
        System.out.printf("inputs        %d in %.0f s (%.1f/s)%n", count, seconds, count / seconds);
        System.out.printf("records       %d (%d refused with ExtractionException), lost %d%n", records, refused, count - records - crashes - hangs);
        System.out.printf("crashes       %d%nhangs         %d (over %d s of CPU)%n", crashes, hangs, WATCHDOG_SECONDS);
        System.out.printf("over 1 s      %d by CPU time, %d by wall time%n", overCpu, overWall);
        System.out.printf("slowest CPU   %.3f s: %s%n", slowestCpu / 1e9, slowestCpuInput);
        System.out.printf("slowest wall  %.3f s: %s%n", slowestWall / 1e9, slowestWallInput);
        perKind.forEach((kind, k) -> System.out.printf("  %-9s %d inputs, mean %.3f s CPU, slowest %.3f s CPU (%.3f s wall max): %s%n",
                kind, k[0], k[3] / 1e9 / k[0], k[1] / 1e9, k[2] / 1e9, slowestOfKind.get(kind)));
        System.out.printf("peak heap     %d MB used (garbage included) of %d MB max%n", heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("totals inputs=%d records=%d refused=%d lost=%d crashes=%d hangs=%d over1s=%d heapMB=%d seconds=%.0f slowestCpuMs=%d slowest=%s%n",
                count, records, refused, count - records - crashes - hangs, crashes, hangs, overCpu, heapPeak >> 20, seconds,
                slowestCpu / 1_000_000, slowestCpuInput);
        return crashes + hangs == 0 ? 0 : 1;
    }

    /**
     * The input's result, or a TimeoutException once it has spent {@link #WATCHDOG_SECONDS} of CPU
     * (or ten times as long on the wall clock): on a shared machine a starved input is not a hung one.
     */
    private static Timed awaitUnlessHung(Future<Timed> future, ThreadMXBean threads,
                                         java.util.concurrent.atomic.AtomicLong workerThread, long[] cpuAtStart)
            throws TimeoutException, ExecutionException, InterruptedException {
        long wallLimit = System.nanoTime() + WATCHDOG_SECONDS * 10 * 1_000_000_000L;
        while (true) {
            try {
                return future.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                long id = workerThread.get();
                long cpu = id < 0 ? 0 : threads.getThreadCpuTime(id) - cpuAtStart[0];
                if (cpu > WATCHDOG_SECONDS * 1_000_000_000L || System.nanoTime() > wallLimit) {
                    throw e;
                }
            }
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The largest heap occupancy seen so far, garbage included, sampled after each input and at
     * every collection's start; the JVM's -Xmx bounds it, and an input that needed more would
     * have ended in OutOfMemoryError (a crash).
     */
    private static long peakHeap() {
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean hotspot && hotspot.getLastGcInfo() != null) {
                long before = hotspot.getLastGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                        .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                max = Math.max(max, before);
            }
        }
        return max;
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    private static void save(Path out, long seed, Input input, String reason) throws IOException {
        String base = "crash-" + seed;
        Files.writeString(out.resolve(base + ".txt"), "seed " + seed + "\nkind " + input.kind() + "\nrecipe " + input.recipe()
                + "\ncontent-type " + input.contentType() + "\nreason " + reason + "\n", StandardCharsets.UTF_8);
        Files.write(out.resolve(base + ".bin"), input.bytes() != null ? input.bytes() : input.text().getBytes(StandardCharsets.UTF_8));
    }
}
