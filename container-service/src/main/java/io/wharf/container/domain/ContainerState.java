package io.wharf.container.domain;

/** A container's lifecycle state, with the name Docker reports in State.Status. */
public enum ContainerState {
    CREATED("created"),
    RUNNING("running"),
    EXITED("exited"),
    REMOVING("removing"),
    DEAD("dead");

    private final String dockerName;

    ContainerState(String dockerName) {
        this.dockerName = dockerName;
    }

    public String dockerName() {
        return dockerName;
    }
}
