package com.kin.local.cli;

import java.io.PrintStream;

/**
 * Keeps the embedded servers' own logging (SLF4J: ElasticMQ, embedded Postgres, Flyway) to warnings, on the stream
 * the platform logs to. Must run before any of them creates a logger.
 */
final class LibraryLogging {

    private LibraryLogging() {
    }

    static void quiet(PrintStream stream) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", stream == System.err ? "System.err" : "System.out");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        System.setProperty("log4j2.level", "warn");
        // ElasticMQ's actor system stops with the platform; its own JVM hook would only warn during shutdown.
        System.setProperty("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    }
}
