package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code config} of an image, in the shape of Docker's {@code container.Config}: empty strings
 * and {@code null} lists/maps where unset, exactly as {@code docker image inspect} prints them.
 * Fields this class does not model are kept and written back unchanged.
 */
@JsonPropertyOrder({"Hostname", "Domainname", "User", "AttachStdin", "AttachStdout", "AttachStderr", "ExposedPorts",
    "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd", "Image", "Volumes", "WorkingDir", "Entrypoint", "OnBuild",
    "Labels", "StopSignal"})
public class ContainerConfig {
    @JsonProperty("Hostname")
    public String hostname = "";
    @JsonProperty("Domainname")
    public String domainname = "";
    @JsonProperty("User")
    public String user = "";
    @JsonProperty("AttachStdin")
    public boolean attachStdin;
    @JsonProperty("AttachStdout")
    public boolean attachStdout;
    @JsonProperty("AttachStderr")
    public boolean attachStderr;
    @JsonProperty("ExposedPorts")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public TreeMap<String, Map<String, Object>> exposedPorts;
    @JsonProperty("Tty")
    public boolean tty;
    @JsonProperty("OpenStdin")
    public boolean openStdin;
    @JsonProperty("StdinOnce")
    public boolean stdinOnce;
    @JsonProperty("Env")
    public List<String> env;
    @JsonProperty("Cmd")
    public List<String> cmd;
    @JsonProperty("Image")
    public String image = "";
    @JsonProperty("Volumes")
    public TreeMap<String, Map<String, Object>> volumes;
    @JsonProperty("WorkingDir")
    public String workingDir = "";
    @JsonProperty("Entrypoint")
    public List<String> entrypoint;
    @JsonProperty("OnBuild")
    public List<String> onBuild;
    @JsonProperty("Labels")
    public TreeMap<String, String> labels;
    @JsonProperty("StopSignal")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String stopSignal;

    private final Map<String, Object> other = new LinkedHashMap<>();

    @JsonAnySetter
    void setOther(String key, Object value) {
        other.put(key, value);
    }

    @JsonAnyGetter
    Map<String, Object> other() {
        return other;
    }

    /** A container's Config as container-service stores it; 400 when it is not one. */
    public static ContainerConfig fromJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, ContainerConfig.class);
        } catch (java.io.IOException e) {
            throw io.wharf.common.error.WharfException.invalid("invalid container config: " + e.getMessage());
        }
    }

    /** Sets {@code KEY=value} in Env, replacing an earlier value of the same key. */
    public void setEnv(String key, String value) {
        if (env == null) {
            env = new ArrayList<>();
        }
        String prefix = key + "=";
        String entry = prefix + value;
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).startsWith(prefix) || env.get(i).equals(key)) {
                env.set(i, entry);
                return;
            }
        }
        env.add(entry);
    }

    public void setLabel(String key, String value) {
        if (labels == null) {
            labels = new TreeMap<>();
        }
        labels.put(key, value);
    }

    public void addExposedPort(String portAndProto) {
        if (exposedPorts == null) {
            exposedPorts = new TreeMap<>();
        }
        exposedPorts.put(portAndProto, Map.of());
    }

    public void addVolume(String path) {
        if (volumes == null) {
            volumes = new TreeMap<>();
        }
        volumes.put(path, Map.of());
    }

    public void addOnBuild(String trigger) {
        if (onBuild == null) {
            onBuild = new ArrayList<>();
        }
        onBuild.add(trigger);
    }
}
