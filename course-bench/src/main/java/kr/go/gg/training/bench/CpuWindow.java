package kr.go.gg.training.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

import kr.go.gg.training.bench.report.Figures;

/**
 * The process's CPU and the JIT's compile time over one stretch of the run, in cores (of {@code availableProcessors}).
 * A diagnostic: on two cores the same workload ran at 900 and at 3,300 commands/s in runs minutes apart, and the
 * JIT's share of the cores was what differed (C2 recompiling for minutes after the warm-up's rate had levelled off).
 */
final class CpuWindow {

    private final long wallStart = System.nanoTime();
    private final long cpuStart = processCpuNanos();
    private final long jitStart = jitMillis();

    static CpuWindow start() {
        return new CpuWindow();
    }

    /** Puts {@code <prefix>_cpu_cores} and {@code <prefix>_jit_cores} for the stretch since {@link #start}. */
    void put(Figures figures, String prefix, String stretch) {
        long cpu = processCpuNanos();
        if (cpu >= 0 && cpuStart >= 0) {
            figures.put(prefix + "_cpu_cores", (cpu - cpuStart) / 1e9 / wallSeconds(), 2, "",
                    "diagnostic: the process's CPU during " + stretch + ", in cores (of "
                            + Runtime.getRuntime().availableProcessors() + ")");
        } else {
            figures.notApplicable(prefix + "_cpu_cores", "the JVM does not report its process CPU time");
        }
        double jit = jitCores();
        if (jit >= 0) {
            figures.put(prefix + "_jit_cores", jit, 2, "",
                    "diagnostic: the JIT compilers' time during " + stretch + ", in cores");
        } else {
            figures.notApplicable(prefix + "_jit_cores", "the JVM does not report its compilation time");
        }
    }

    /** The JIT compilers' time since {@link #start}, in cores; negative when the JVM does not report it. */
    double jitCores() {
        long jit = jitMillis();
        return jit < 0 || jitStart < 0 ? -1 : (jit - jitStart) / 1e3 / wallSeconds();
    }

    private double wallSeconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The JIT compilers' total time so far, in ms; -1 when the JVM does not say. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }
}
