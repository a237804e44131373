package io.wharf.container.service;

import io.wharf.container.domain.ExecConfig;
import java.util.function.IntSupplier;

/** One exec instance, in memory only: its configuration and where it is in its life. */
public final class ExecSession {
    private final String id;
    private final String containerId;
    private final ExecConfig config;
    private boolean started;
    private boolean running;
    private Integer exitCode;
    private IntSupplier pid = () -> 0;

    ExecSession(String id, String containerId, ExecConfig config) {
        this.id = id;
        this.containerId = containerId;
        this.config = config;
    }

    public String id() {
        return id;
    }

    public String containerId() {
        return containerId;
    }

    public ExecConfig config() {
        return config;
    }

    /** Marks it started; false if it already was (an exec runs once). */
    synchronized boolean markStarted() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    synchronized void running(IntSupplier pid) {
        this.running = true;
        this.pid = pid;
    }

    synchronized void exited(int code) {
        this.running = false;
        this.exitCode = code;
        this.pid = () -> 0;
    }

    public synchronized boolean running() {
        return running;
    }

    public synchronized Integer exitCode() {
        return exitCode;
    }

    /** The process's host pid while it runs, else 0. */
    public int pid() {
        IntSupplier p;
        synchronized (this) {
            p = pid;
        }
        return p.getAsInt();
    }
}
