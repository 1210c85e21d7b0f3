package com.propty.simulator;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the provider simulator as a process of the local platform, configured by environment (see {@link SimulatorSettings#fromEnvironment}). */
public final class SimulatorMain {

    static {
        // Before the first logger: without a configuration Logback logs at DEBUG.
        System.setProperty("logback.configurationFile", "provider-simulator-logback.xml");
    }

    private static final Logger log = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProviderSimulator simulator = ProviderSimulator.start(SimulatorSettings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        log.info("Provider simulator listening on {} (SendGrid /v3/mail/send, Twilio /2010-04-01/..., admin /admin/messages)",
                simulator.baseUrl());
        new CountDownLatch(1).await();
    }
}
