package io.wharf.container.service;

import io.wharf.container.domain.ExecConfig;
import io.wharf.container.runtime.ExecProcess;
import java.io.IOException;

/** One exec instance, in memory only: its configuration and where it is in its life. */
public final class ExecSession {
    private final String id;
    private final String containerId;
    private final ExecConfig config;
    private boolean started;
    private boolean running;
    private Integer exitCode;
    private ExecProcess process;

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

    synchronized void running(ExecProcess process) {
        this.running = true;
        this.process = process;
    }

    synchronized void exited(int code) {
        this.running = false;
        this.exitCode = code;
        this.process = null;
    }

    public synchronized boolean running() {
        return running;
    }

    public synchronized Integer exitCode() {
        return exitCode;
    }

    /** The process's host pid while it runs, else 0. */
    public int pid() {
        ExecProcess p;
        synchronized (this) {
            p = process;
        }
        return p == null ? 0 : p.pid();
    }

    /** Sets the size of its terminal while it runs; nothing otherwise, as dockerd for a finished exec. */
    public void resize(int height, int width) throws IOException {
        ExecProcess p;
        synchronized (this) {
            p = process;
        }
        if (p != null) {
            p.resize(height, width);
        }
    }
}
