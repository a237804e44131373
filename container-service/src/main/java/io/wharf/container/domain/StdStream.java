package io.wharf.container.domain;

/** The stream ids of Docker's multiplexed attach/logs format. */
public enum StdStream {
    STDIN(0),
    STDOUT(1),
    STDERR(2);

    private final int id;

    StdStream(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }
}
