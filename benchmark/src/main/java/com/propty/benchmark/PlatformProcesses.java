package com.propty.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's operating-system processes, found among this JVM's descendants by the jar they run (so the launcher
 * needs no pid accessor), with what Linux reports about them: peak resident memory (VmHWM) and CPU time.
 */
final class PlatformProcesses {

    /** jar directory → the launcher's component name */
    private static final Map<String, String> NAMES = Map.of("local-kafka", "kafka", "local-mongo", "mongo",
            "provider-simulator", "simulator", "notice-service", "notice-service", "resend-service", "resend-service",
            "delivery-service", "delivery-service", "history-service", "history-service", "gateway", "gateway");
    private static final double TICKS_PER_SECOND = 100.0; // getconf CLK_TCK on Linux x86-64

    private PlatformProcesses() {
    }

    /** component name → pid; a second instance of a component (--instances 2) is {@code name-2}, in pid order. */
    static Map<String, Long> find() {
        Map<String, Long> pids = new LinkedHashMap<>();
        ProcessHandle.current().descendants().sorted(java.util.Comparator.comparingLong(ProcessHandle::pid))
                .forEach(p -> {
                    String cmdline = cmdline(p.pid());
                    NAMES.forEach((dir, name) -> {
                        if (cmdline.contains("/" + dir + "/target/" + dir + "-exec.jar")) {
                            String key = name;
                            for (int n = 2; pids.containsKey(key); n++) {
                                key = name + "-" + n;
                            }
                            pids.put(key, p.pid());
                        }
                    });
                });
        return pids;
    }

    /** Peak resident set size in MiB, or -1 if the process is gone. */
    static long peakRssMiB(long pid) {
        return statusKiB(pid, "VmHWM:") / 1024;
    }

    /** User + system CPU seconds the process has used so far, or -1 if it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may hold spaces; fields after the closing parenthesis are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, cpuSeconds(pid)));
        return cpu;
    }

    private static long statusKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
