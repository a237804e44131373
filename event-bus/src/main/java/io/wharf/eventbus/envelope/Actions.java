package io.wharf.eventbus.envelope;

/** Docker's event action names, exactly as moby emits them. */
public final class Actions {
    public static final String CREATE = "create";
    public static final String START = "start";
    public static final String DIE = "die";
    public static final String DESTROY = "destroy";
    public static final String ATTACH = "attach";
    public static final String DETACH = "detach";
    public static final String EXEC_CREATE = "exec_create";
    public static final String EXEC_START = "exec_start";
    public static final String EXEC_DIE = "exec_die";
    public static final String KILL = "kill";
    public static final String OOM = "oom";
    public static final String PAUSE = "pause";
    public static final String UNPAUSE = "unpause";
    public static final String RENAME = "rename";
    public static final String RESTART = "restart";
    public static final String STOP = "stop";
    public static final String UPDATE = "update";
    public static final String HEALTH_STATUS = "health_status";
    public static final String PULL = "pull";
    public static final String PUSH = "push";
    public static final String TAG = "tag";
    public static final String UNTAG = "untag";
    public static final String DELETE = "delete";
    public static final String IMPORT = "import";
    public static final String LOAD = "load";
    public static final String SAVE = "save";
    public static final String CONNECT = "connect";
    public static final String DISCONNECT = "disconnect";
    public static final String MOUNT = "mount";
    public static final String UNMOUNT = "unmount";

    private Actions() {
    }
}
