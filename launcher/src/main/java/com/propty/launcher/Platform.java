package com.propty.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The running local platform: each component is its own operating-system process, started from its executable jar,
 * logging to {@code <dataDir>/logs/<name>.log} (rotated and capped by {@link RollingLog}). Used by {@code ./run.sh} (through {@link LocalPlatform}) and by the
 * system tests, which also kill and restart processes to prove nothing is lost.
 */
public final class Platform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final PlatformSettings settings;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, Process> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Consumer<String> out;
    private volatile boolean stopping;

    private Platform(PlatformSettings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
        settings.components().forEach(c -> components.put(c.name(), c));
    }

    /** A platform not started yet: register {@link #close} as a shutdown hook first, then {@link #start}. */
    public static Platform of(PlatformSettings settings, Consumer<String> out) {
        return new Platform(settings, out);
    }

    /** Starts every component (infrastructure first, then the services in parallel) and waits until all are ready. */
    public static Platform start(PlatformSettings settings, Consumer<String> out) {
        Platform platform = new Platform(settings, out);
        try {
            platform.start();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Starts every component, or with {@code names} only those (the rest is assumed to be running already). */
    public void start(String... names) {
        checkJars();
        if (names.length > 0) {
            List<String> only = List.of(names);
            startAll(c -> only.contains(c.name()));
        } else {
            startAll(Component::infrastructure);
            // the first instance of every service, then the second of each…: a wave is as many JVMs starting at once
            // as one instance of the platform has, whatever the number of instances (and a rolling start, as a
            // deployment does it)
            for (int wave = 1; wave <= settings.topology().instances(); wave++) {
                int instance = wave;
                startAll(c -> !c.infrastructure() && PlatformSettings.instanceNumber(c.name()) == instance);
            }
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    public List<String> names() {
        return List.copyOf(components.keySet());
    }

    /** kill -9: the process gets no chance to clean up. */
    public void kill(String name) {
        Process process = processes.remove(name);
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(30));
        }
    }

    /** Starts a component again (after {@link #kill} or a crash) and waits until it is ready. */
    public void restart(String name) {
        kill(name);
        Component component = require(name);
        processes.put(name, launch(component));
        awaitReady(component);
    }

    public boolean isAlive(String name) {
        Process process = processes.get(name);
        return process != null && process.isAlive();
    }

    public Path logFile(String name) {
        return settings.dataDir().resolve("logs").resolve(name + ".log");
    }

    /**
     * Blocks until {@link #close} and reports components that exit on their own; the others keep running, and a
     * dead one can be started again with {@code ./run.sh --only <name>}.
     */
    public void watch() throws InterruptedException {
        while (!stopping) {
            for (var entry : List.copyOf(processes.entrySet())) {
                Process process = entry.getValue();
                if (!process.isAlive() && !stopping && processes.remove(entry.getKey()) != null) {
                    out.accept("!! " + entry.getKey() + " exited with code " + process.exitValue() + " — see "
                            + logFile(entry.getKey()) + "; the others keep running. Start it again with: ./run.sh --only "
                            + entry.getKey());
                }
            }
            Thread.sleep(1000);
        }
    }

    /** Stops services first, then the infrastructure, each with SIGTERM and a grace period. */
    @Override
    public void close() {
        stopping = true;
        List<String> order = new ArrayList<>(components.keySet());
        Collections.reverse(order);
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (String name : order) {
            Process process = processes.get(name);
            if (process != null && !require(name).infrastructure()) {
                services.add(CompletableFuture.runAsync(() -> terminate(name, process)));
            }
        }
        services.forEach(CompletableFuture::join);
        for (String name : order) {
            Process process = processes.get(name);
            if (process != null && require(name).infrastructure()) {
                terminate(name, process);
            }
        }
        processes.clear();
    }

    private void terminate(String name, Process process) {
        process.destroy();
        if (!waitFor(process, Duration.ofSeconds(20))) {
            out.accept(name + " did not stop in 20 s; killing it");
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
        }
    }

    private void startAll(java.util.function.Predicate<Component> which) {
        List<Component> selected = components.values().stream().filter(which).toList();
        for (Component c : selected) {
            out.accept("starting " + c.name() + " on port " + c.port() + " (JVM options: -Xmx" + c.heap() + " "
                    + settings.jvmOptionsFor(c.name()) + ")");
            processes.put(c.name(), launch(c));
        }
        selected.parallelStream().forEach(this::awaitReady);
    }

    private Process launch(Component c) {
        try {
            Path logs = settings.dataDir().resolve("logs");
            Files.createDirectories(logs);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                // Its own session: a Ctrl-C in the terminal reaches the launcher only, which then stops the
                // services before the infrastructure they need.
                command.add(SETSID.toString());
            }
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx" + c.heap());
            command.addAll(List.of(settings.jvmOptionsFor(c.name()).split("\\s+")));
            command.add("-jar");
            command.add(settings.home().resolve(c.jar()).toString());
            ProcessBuilder builder = new ProcessBuilder(command.stream().filter(s -> !s.isBlank()).toList())
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(c.env());
            Process process = builder.start();
            RollingLog log = new RollingLog(logFile(c.name()), settings.logFileBytes(), settings.logFilesKept());
            Thread pump = new Thread(() -> log.copy(process.getInputStream()), "log-" + c.name());
            pump.setDaemon(true);
            pump.start();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + c.name(), e);
        }
    }

    private void awaitReady(Component c) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(c.name());
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(c.name() + " exited during start-up; see " + logFile(c.name()));
            }
            if (c.healthUrl() == null ? accepts(c.port()) : healthy(c.healthUrl())) {
                out.accept(String.format("%-16s ready on port %d (%.1f s)", c.name(), c.port(),
                        (System.nanoTime() - started) / 1e9));
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + c.name(), e);
            }
        }
        throw new IllegalStateException(c.name() + " not ready after " + READY_TIMEOUT.toSeconds() + " s; see "
                + logFile(c.name()));
    }

    private void checkJars() {
        for (Component c : components.values()) {
            if (!Files.isRegularFile(settings.home().resolve(c.jar()))) {
                throw new IllegalStateException("missing " + c.jar() + " — build first: mvn -DskipTests package");
            }
        }
    }

    private Component require(String name) {
        Component c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no component " + name + "; known: " + components.keySet());
        }
        return c;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean healthy(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
